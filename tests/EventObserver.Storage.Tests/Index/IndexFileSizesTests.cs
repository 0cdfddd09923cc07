using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Storage.Tests.Index;

public sealed class IndexFileSizesTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_FileAndLog_AreReportedApart()
    {
        var path = _dir.File("a.db");
        File.WriteAllBytes(path, new byte[8192]);
        File.WriteAllBytes(LiteDbEventIndex.LogFilePath(path), new byte[3 * 8192]);

        var (file, log) = new IndexFileSizes(path, _time).Read();

        Assert.Equal(8192, file);
        Assert.Equal(3 * 8192, log);
    }

    [Fact]
    public void Read_MissingFiles_ReadAsZero()
    {
        Assert.Equal((0L, 0L), new IndexFileSizes(_dir.File("none.db"), _time).Read());
    }

    [Fact]
    public void Read_WithinASecond_ReusesTheReadingThenReadsTheDiskAgain()
    {
        var path = _dir.File("a.db");
        File.WriteAllBytes(path, new byte[100]);
        var sizes = new IndexFileSizes(path, _time);
        Assert.Equal(100, sizes.Read().File);

        File.WriteAllBytes(path, new byte[500]);
        _time.Advance(IndexFileSizes.MaxAge - TimeSpan.FromMilliseconds(1));
        var cached = sizes.Read().File;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var fresh = sizes.Read().File;

        Assert.Equal(100, cached);
        Assert.Equal(500, fresh);
    }
}
