using System.Reflection;

using EventObserver.Core.Indexing;
using EventObserver.Features.Conventions;
using EventObserver.Features.Events;
using EventObserver.Features.Feed;
using EventObserver.Features.Flows;
using EventObserver.Features.Lineage;
using EventObserver.Features.Replay;
using EventObserver.Features.Status;
using EventObserver.Features.Topics;
using EventObserver.Storage.Index;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Tests.Architecture;

/// <summary>
/// Pages and components read through their feature's query service (or a Core port): none injects a storage type
/// (anything in EventObserver.Storage), a type of the old <c>EventObserver.Api</c> namespace, or a concrete
/// <c>*Reader</c>/<c>*Store</c> class (the read models the query services replace). Checked on every component of the
/// web assembly, on its [Inject] properties (<c>@inject</c> included) and its constructor parameters.
/// </summary>
public sealed class PageInjectionTests
{
    private static Assembly Web => typeof(Program).Assembly;

    [Fact]
    public void WebComponents_InjectedTypes_AreNoStorageApiOrReaderTypes()
    {
        var violations = Violations(Web).ToList();

        Assert.True(violations.Count == 0, "Components inject old types:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Rule_ComponentsInjectingStorageOrAReader_AreViolations_PortsAndQueryServicesAreNot()
    {
        var violations = Violations(typeof(PageInjectionTests).Assembly)
            .Where(v => v.StartsWith(typeof(PageInjectionTests).FullName!, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            [
                $"{typeof(ReaderByConstructor).FullName} -> {typeof(LegacyThingReader).FullName}",
                $"{typeof(StoragePage).FullName} -> {typeof(EventIndexProvider).FullName}",
            ],
            violations);
    }

    [Fact]
    public void Scan_FeaturePages_FindsTheirQueryServices()
    {
        var injections = Injections(Web).Select(i => (i.Component, i.Injected)).ToHashSet();

        Assert.Contains((typeof(LiveFeed), typeof(FeedQueries)), injections);
        Assert.Contains((typeof(EventDetail), typeof(EventQueries)), injections);
        Assert.Contains((typeof(EventObserver.Features.Topics.Topics), typeof(TopicQueries)), injections);
        Assert.Contains((typeof(Components.Layout.MainLayout), typeof(SystemStatusBroadcaster)), injections);
        Assert.Contains((typeof(LineagePage), typeof(LineageQueries)), injections);
        Assert.Contains((typeof(FlowsPage), typeof(FlowQueries)), injections);
        Assert.Contains((typeof(ConventionsPanel), typeof(ConventionQueries)), injections);
        foreach (var replayComponent in new[] { typeof(ComparePanel), typeof(ProjectionEditor), typeof(PublishLog), typeof(SelectionPanel) })
        {
            Assert.Contains((replayComponent, typeof(ReplayQueries)), injections);
        }
    }

    [Fact]
    public void WebAssembly_EveryFeatureSlice_HasARoutablePage()
    {
        // If the slices moved or were renamed, the scans above would look at the wrong types and pass for nothing.
        var slicesWithPages = Web.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && t.IsDefined(typeof(RouteAttribute), inherit: false))
            .Select(t => t.Namespace ?? "")
            .Where(ns => ns.StartsWith("EventObserver.Features.", StringComparison.Ordinal))
            .Select(ns => ns["EventObserver.Features.".Length..])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(["Feed", "Events", "Topics", "Lineage", "Flows", "Conventions", "Replay"], StringComparer.Ordinal),
            slicesWithPages);
    }

    private static IEnumerable<string> Violations(Assembly assembly) =>
        Injections(assembly).Where(i => IsOldType(i.Injected)).Select(i => $"{i.Component.FullName} -> {i.Injected.FullName}").Distinct();

    private static bool IsOldType(Type type)
    {
        var ns = type.Namespace ?? "";
        if (ns == "EventObserver.Storage" || ns.StartsWith("EventObserver.Storage.", StringComparison.Ordinal) || ns == "EventObserver.Api")
        {
            return true;
        }

        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
        return ns.StartsWith("EventObserver", StringComparison.Ordinal)
            && type is { IsClass: true, IsAbstract: false }
            && (name.EndsWith("Reader", StringComparison.Ordinal) || name.EndsWith("Store", StringComparison.Ordinal));
    }

    /// <summary>What each component of <paramref name="assembly"/> gets from DI: [Inject] properties (its own and its bases' in the assembly) and constructor parameters.</summary>
    private static IEnumerable<(Type Component, Type Injected)> Injections(Assembly assembly)
    {
        const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var component in assembly.GetTypes().Where(t => typeof(ComponentBase).IsAssignableFrom(t)))
        {
            for (var type = component; type is not null && type.Assembly == assembly; type = type.BaseType)
            {
                foreach (var property in type.GetProperties(Declared).Where(p => p.IsDefined(typeof(InjectAttribute), inherit: false)))
                {
                    yield return (component, property.PropertyType);
                }
            }

            foreach (var parameter in component.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                yield return (component, parameter.ParameterType);
            }
        }
    }

    private sealed class LegacyThingReader;

    private sealed class StoragePage : ComponentBase
    {
        [Inject] public required EventIndexProvider Indexes { get; init; }

        [Inject] public required ICurrentIndex Current { get; init; }
    }

    private sealed class ReaderByConstructor(LegacyThingReader reader) : ComponentBase
    {
        public LegacyThingReader Reader => reader;
    }

    private sealed class QueryServicePage : ComponentBase
    {
        [Inject] public required EventQueries Queries { get; init; }

        [Inject] private TopicQueries Topics { get; init; } = null!;
    }
}
