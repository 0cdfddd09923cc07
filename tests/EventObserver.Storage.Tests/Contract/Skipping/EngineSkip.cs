using System.Reflection;

using Xunit.Abstractions;
using Xunit.Sdk;

namespace EventObserver.Storage.Tests.Contract.Skipping;

/// <summary>
/// Whether the engine under a contract test class is available: the class says so with a
/// <c>public static string? EngineSkipReason { get; }</c> (null or missing: it runs).
/// </summary>
public static class EngineSkip
{
    public const string PropertyName = "EngineSkipReason";

    /// <summary>The skip reason of the class that runs <paramref name="testMethod"/> (the concrete subclass, not the contract).</summary>
    public static string? ReasonFor(ITestMethod testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        return testMethod.TestClass.Class.ToRuntimeType() is { } type ? ReasonFor(type) : null;
    }

    public static string? ReasonFor(Type testClass)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        var property = testClass.GetProperty(PropertyName, BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy);
        return property?.PropertyType == typeof(string) ? (string?)property.GetValue(null) : null;
    }
}
