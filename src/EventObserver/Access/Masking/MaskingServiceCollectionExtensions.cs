using EventObserver.Core.Masking;

namespace EventObserver.Access.Masking;

public static class MaskingServiceCollectionExtensions
{
    /// <summary>The masking rules (<c>EventObserver:Masking</c>) as one <see cref="IEventMasker"/>.</summary>
    public static IServiceCollection AddMasking(this IServiceCollection services)
    {
        services.AddSingleton<IEventMasker>(NoMasking.Instance);
        return services;
    }
}
