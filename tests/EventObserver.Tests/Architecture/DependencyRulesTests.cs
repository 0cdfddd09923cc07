using System.Reflection;
using System.Xml.Linq;

using EventObserver.Core.Envelopes;
using EventObserver.Kafka.Ingestion;
using EventObserver.Storage.Index;
using EventObserver.Storage.Postgres.Index;

namespace EventObserver.Tests.Architecture;

/// <summary>
/// Dependencies point one way: Core knows no infrastructure, Kafka knows Core (the ports) but no storage engine, Storage
/// knows no Kafka; only the web host (Program.cs) wires them together. Checked twice: on what each built assembly
/// references (what the code uses) and on each project file (what a build could start to use).
/// </summary>
public sealed class DependencyRulesTests
{
    private const string Web = "EventObserver";

    /// <summary>Per src project, the references it must not have: a name and, unless exact, every name under it.</summary>
    private static readonly Dictionary<string, (string Name, bool Exact)[]> Forbidden = new(StringComparer.Ordinal)
    {
        ["EventObserver.Core"] =
        [
            ("EventObserver.Storage", false), ("EventObserver.Kafka", false), (Web, true),
            ("Microsoft.AspNetCore", false), ("LiteDB", false), ("Confluent", false), ("Npgsql", false),
        ],
        ["EventObserver.Kafka"] = [("EventObserver.Storage", false), ("LiteDB", false), (Web, true)],
        ["EventObserver.Storage"] = [("EventObserver.Kafka", false), ("Confluent", false), ("Npgsql", false), (Web, true)],
        ["EventObserver.Storage.Postgres"] =
        [
            ("EventObserver.Storage", true), ("EventObserver.Kafka", false), ("LiteDB", false), ("Confluent", false), (Web, true),
        ],
    };

    private static readonly Dictionary<string, Assembly> Assemblies = new(StringComparer.Ordinal)
    {
        ["EventObserver.Core"] = typeof(EventEnvelope).Assembly,
        ["EventObserver.Kafka"] = typeof(IngestionService).Assembly,
        ["EventObserver.Storage"] = typeof(LiteDbEventIndex).Assembly,
        ["EventObserver.Storage.Postgres"] = typeof(PostgresEventIndex).Assembly,
        [Web] = typeof(Program).Assembly,
    };

    public static TheoryData<string> Projects => [.. Forbidden.Keys];

    [Theory]
    [MemberData(nameof(Projects))]
    public void SourceAssembly_ReferencedAssemblies_BreakNoDependencyRule(string project)
    {
        var referenced = Assemblies[project].GetReferencedAssemblies().Select(a => a.Name ?? "");

        var offending = Offending(project, referenced);

        Assert.True(offending.Count == 0, $"{project} references {string.Join(", ", offending)}");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void SourceProject_ProjectFile_BreaksNoDependencyRule(string project)
    {
        var references = ProjectFileReferences(project);

        var offending = Offending(project, references);

        Assert.True(offending.Count == 0, $"src/{project}/{project}.csproj references {string.Join(", ", offending)}");
    }

    [Fact]
    public void CoreRule_AppliedToTheWebHost_FindsItsInfrastructureReferences()
    {
        // The host references everything: if the check let it pass as Core, it could not catch anything.
        var offending = Offending("EventObserver.Core", Assemblies[Web].GetReferencedAssemblies().Select(a => a.Name ?? ""));

        Assert.Contains("EventObserver.Storage", offending);
        Assert.Contains("EventObserver.Kafka", offending);
        Assert.Contains(offending, name => name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal));
    }

    [Fact]
    public void KafkaProjectFile_ProjectAndPackageReferences_AreRead()
    {
        var references = ProjectFileReferences("EventObserver.Kafka");

        Assert.Contains("EventObserver.Core", references);
        Assert.Contains("Confluent.Kafka", references);
    }

    private static List<string> Offending(string project, IEnumerable<string> references) =>
        [.. references.Where(name => Forbidden[project].Any(rule => Matches(name, rule))).Distinct().Order(StringComparer.Ordinal)];

    private static bool Matches(string name, (string Name, bool Exact) rule) =>
        string.Equals(name, rule.Name, StringComparison.OrdinalIgnoreCase)
        || (!rule.Exact && name.StartsWith(rule.Name + ".", StringComparison.OrdinalIgnoreCase));

    /// <summary>Project, package and framework references of src/<paramref name="project"/>, by name.</summary>
    private static List<string> ProjectFileReferences(string project)
    {
        var file = Path.Combine(RepositoryRoot(), "src", project, project + ".csproj");
        var document = XDocument.Load(file);
        return
        [
            .. document.Descendants()
                .Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference" or "FrameworkReference")
                .Select(e => (string?)e.Attribute("Include") ?? "")
                .Select(include => include.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                    ? Path.GetFileNameWithoutExtension(include.Replace('\\', '/'))
                    : include),
        ];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EventObserver.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EventObserver.sln not found above " + AppContext.BaseDirectory);
    }
}
