using System.Reflection;

using EventObserver.Features.Replay;
using EventObserver.Storage.Index;
using EventObserver.Storage.Projections;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Tests.Architecture;

/// <summary>
/// The Replay slice's page and components reach saved projections, the publish log and selection counts through the
/// feature's query service (<see cref="ReplayQueries"/>) and runs through its run manager: none injects a storage type
/// (<c>EventObserver.Storage.*</c>: the projection store, the index provider, …) or a type of the old
/// <c>EventObserver.Api</c> namespace. Read from the built web assembly, [Inject] properties and <c>@inject</c> alike.
/// </summary>
public sealed class ReplaySliceInjectionTests
{
    private const string Slice = "EventObserver.Features.Replay";

    [Fact]
    public void ReplayComponents_InjectedServices_AreNoStorageOrOldApiType()
    {
        var offending = Offending(SliceComponents());

        Assert.True(offending.Count == 0, "Replay components inject " + string.Join(", ", offending));
    }

    [Fact]
    public void ReplayComponents_SavedProjectionsLogAndCounts_ComeThroughReplayQueries()
    {
        var injectingQueries = SliceComponents()
            .Where(c => Injections(c).Any(p => p.PropertyType == typeof(ReplayQueries)))
            .Select(c => c.Name)
            .ToHashSet(StringComparer.Ordinal);

        // The scan sees the slice's components, and each one that used to reach the store or the index now asks the service.
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "ComparePanel", "ProjectionEditor", "PublishLog", "SelectionPanel" }, injectingQueries);
    }

    [Fact]
    public void InjectionRule_ComponentInjectingStorageTypes_IsReportedByName()
    {
        var offending = Offending([typeof(StorageInjectingComponent)]);

        Assert.Equal(
            [$"{nameof(StorageInjectingComponent)}.Indexes ({typeof(EventIndexProvider).FullName})", $"{nameof(StorageInjectingComponent)}.Store ({typeof(ProjectionStore).FullName})"],
            offending.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("EventObserver.Storage.Projections", true)]
    [InlineData("EventObserver.Storage", true)]
    [InlineData("EventObserver.Api", true)]
    [InlineData("EventObserver.Features.Replay", false)]
    [InlineData("EventObserver.Features.Replay.Runs", false)]
    [InlineData("EventObserver.Shared", false)]
    [InlineData("EventObserver.StorageLike", false)]
    public void InjectionRule_Namespace_IsForbiddenOnlyForStorageAndTheOldApi(string ns, bool forbidden)
    {
        Assert.Equal(forbidden, IsForbidden(ns));
    }

    private static List<Type> SliceComponents()
    {
        var components = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.Namespace is { } ns && (ns == Slice || ns.StartsWith(Slice + ".", StringComparison.Ordinal)))
            .ToList();
        Assert.Contains(components, c => c.Name == nameof(ReplayPage));
        return components;
    }

    private static List<string> Offending(IEnumerable<Type> components) =>
    [
        .. components.SelectMany(c => Injections(c)
            .Where(p => IsForbidden(p.PropertyType.Namespace))
            .Select(p => $"{c.Name}.{p.Name} ({p.PropertyType.FullName})")),
    ];

    /// <summary>Properties the renderer fills: [Inject] (what <c>@inject</c> compiles to), on the type and its bases.</summary>
    private static IEnumerable<PropertyInfo> Injections(Type component)
    {
        for (var type = component; type is not null && type != typeof(ComponentBase); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.IsDefined(typeof(InjectAttribute), inherit: false))
                {
                    yield return property;
                }
            }
        }
    }

    private static bool IsForbidden(string? ns) =>
        ns is not null && (ns == "EventObserver.Api" || ns == "EventObserver.Storage" || ns.StartsWith("EventObserver.Storage.", StringComparison.Ordinal));

    private sealed class StorageInjectingComponent : ComponentBase
    {
        [Inject] public required ProjectionStore Store { get; init; }

        // Private, as @inject compiles it.
        [Inject] private EventIndexProvider Indexes { get; set; } = null!;
    }
}
