using EventObserver.Configuration;
using EventObserver.Core.Masking;

using Microsoft.Extensions.Options;

namespace EventObserver.Access.Masking;

public static class MaskingServiceCollectionExtensions
{
    public const string Section = ConfigurationSections.Root + ":Masking";

    /// <summary>
    /// The masking rules (<c>EventObserver:Masking</c>), checked at start, as one <see cref="IEventMasker"/>:
    /// <see cref="NoMasking"/> without rules, else an <see cref="EventMasker"/>. Ingestion takes the same masker and
    /// applies it before the index write when <c>Masking:AtIngest</c> is on.
    /// </summary>
    public static IServiceCollection AddMasking(this IServiceCollection services)
    {
        services.AddOptions<MaskingOptions>().BindConfiguration(Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MaskingOptions>, MaskingOptionsValidator>();
        services.AddSingleton<IEventMasker>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MaskingOptions>>().Value;
            return options.Rules.Count == 0 ? NoMasking.Instance : new EventMasker(options, Section);
        });
        return services;
    }
}
