using System.Reflection;

using EventObserver.Storage.Index;
using EventObserver.Storage.Projections;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Tests.Architecture;

/// <summary>
/// The components of every feature slice (<c>EventObserver.Features.*</c>) get their data from the slice's query service
/// or a Core port: none injects a storage type, a type of the old <c>EventObserver.Api</c> namespace, or a concrete
/// <c>*Reader</c>/<c>*Store</c> (the direct-to-index readers the query services replaced). Checked on the built web
/// assembly, so a <c>@inject</c> in markup counts as much as an <c>[Inject]</c> property.
/// </summary>
public sealed class FeatureSliceInjectionTests
{
    private const string FeaturesNamespace = "EventObserver.Features";

    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>Every slice found in the web assembly: the namespace right under <see cref="FeaturesNamespace"/>.</summary>
    public static TheoryData<string> Features =>
        [.. Web.GetTypes().Select(SliceOf).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [Fact]
    public void WebAssembly_FeatureSlices_IncludeLineageFlowsAndConventionsEachWithARoutablePage()
    {
        var pages = Components().Where(t => t.GetCustomAttributes<RouteAttribute>().Any()).Select(SliceOf).ToHashSet(StringComparer.Ordinal);

        // If the slices moved or were renamed, the scan below would find nothing and pass for nothing.
        Assert.Superset(new HashSet<string?>(["Lineage", "Flows", "Conventions"], StringComparer.Ordinal), pages);
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void FeatureSlice_Components_InjectNoStorageApiOrConcreteReaderTypes(string feature)
    {
        var components = Components().Where(t => SliceOf(t) == feature).ToList();

        var offending = components.SelectMany(Offending).ToList();

        Assert.NotEmpty(components);
        Assert.True(offending.Count == 0, $"{feature} components inject: {string.Join("; ", offending)}");
    }

    [Fact]
    public void Offending_ComponentInjectingStorageTypesAndAConcreteReader_FlagsEachButNotACorePort()
    {
        var offending = Offending(typeof(ReadsStorageDirectly));

        Assert.Equal(
            [
                $"{nameof(ReadsStorageDirectly)}.Index: {nameof(EventIndexProvider)}",
                $"{nameof(ReadsStorageDirectly)}.Projections: IEnumerable`1",
                $"{nameof(ReadsStorageDirectly)}.Reader: {nameof(TotalsReader)}",
            ],
            offending.Order(StringComparer.Ordinal));
        Assert.Empty(Offending(typeof(ReadsThroughAPort)));
    }

    private static IEnumerable<Type> Components() =>
        Web.GetTypes().Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract);

    private static string? SliceOf(Type type)
    {
        var ns = type.Namespace ?? "";
        if (!ns.StartsWith(FeaturesNamespace + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[(FeaturesNamespace.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>"Component.Property: Type" for each injected property whose type (or a type argument of it) is forbidden.</summary>
    private static IEnumerable<string> Offending(Type component)
    {
        for (var type = component; type is not null && type != typeof(ComponentBase); type = type.BaseType)
        {
            var injected = type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null);
            foreach (var property in injected)
            {
                if (IsForbidden(property.PropertyType))
                {
                    yield return $"{component.Name}.{property.Name}: {property.PropertyType.Name}";
                }
            }
        }
    }

    private static bool IsForbidden(Type type)
    {
        var ns = type.Namespace ?? "";
        var storage = ns == "EventObserver.Storage" || ns.StartsWith("EventObserver.Storage.", StringComparison.Ordinal);
        var oldApi = ns == "EventObserver.Api" || ns.StartsWith("EventObserver.Api.", StringComparison.Ordinal);
        var concreteReader = !type.IsInterface && !type.IsGenericType
            && (type.Name.EndsWith("Reader", StringComparison.Ordinal) || type.Name.EndsWith("Store", StringComparison.Ordinal));
        return storage || oldApi || concreteReader || type.GetGenericArguments().Any(IsForbidden);
    }

    /// <summary>What the scan must catch: a storage type, one hidden in a type argument, and a concrete reader.</summary>
    private sealed class ReadsStorageDirectly : ComponentBase
    {
        [Inject] public required EventIndexProvider Index { get; init; }

        [Inject] public required IEnumerable<ProjectionStore> Projections { get; init; }

        [Inject] public required TotalsReader Reader { get; init; }
    }

    /// <summary>What it must let pass: a Core port.</summary>
    private sealed class ReadsThroughAPort : ComponentBase
    {
        [Inject] public required Core.Indexing.ICurrentIndex Indexes { get; init; }
    }

    private sealed class TotalsReader;
}
