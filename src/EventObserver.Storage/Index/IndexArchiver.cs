using System.Globalization;

namespace EventObserver.Storage.Index;

/// <summary>Moves an index file (and its LiteDB log) into <c>&lt;dir&gt;/archive</c> and prunes old archives.</summary>
internal static class IndexArchiver
{
    public const string ArchiveFolder = "archive";

    /// <returns>The path the data file was moved to.</returns>
    public static string Archive(string filePath, string label, DateTimeOffset at, int keep)
    {
        var directory = Path.Combine(Path.GetDirectoryName(filePath)!, ArchiveFolder);
        Directory.CreateDirectory(directory);
        var name = Path.GetFileNameWithoutExtension(filePath);
        var extension = Path.GetExtension(filePath);
        var stamp = at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var baseName = $"{name}-{Sanitize(label)}-{stamp}";
        var target = Path.Combine(directory, baseName + extension);
        for (var n = 2; File.Exists(target); n++)
        {
            target = Path.Combine(directory, $"{baseName}-{n}{extension}");
        }

        File.Move(filePath, target);
        var log = LiteDbEventIndex.LogFilePath(filePath);
        if (File.Exists(log))
        {
            File.Move(log, LiteDbEventIndex.LogFilePath(target));
        }

        Prune(directory, name, extension, keep);
        return target;
    }

    private static void Prune(string directory, string name, string extension, int keep)
    {
        var archives = Directory.GetFiles(directory, $"{name}-*{extension}")
            .Where(f => !f.EndsWith("-log" + extension, StringComparison.Ordinal))
            .Select(f => new FileInfo(f))
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .ThenByDescending(f => f.Name, StringComparer.Ordinal)
            .Skip(Math.Max(0, keep));
        foreach (var old in archives)
        {
            old.Delete();
            var log = LiteDbEventIndex.LogFilePath(old.FullName);
            if (File.Exists(log))
            {
                File.Delete(log);
            }
        }
    }

    private static string Sanitize(string label)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = label.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c).ToArray();
        return chars.Length == 0 ? "unknown" : new string(chars);
    }
}
