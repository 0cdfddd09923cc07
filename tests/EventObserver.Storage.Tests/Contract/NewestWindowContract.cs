using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary><see cref="NewestWindow"/> over the index's exact counts: the window pages that must not decode a busy day.</summary>
public abstract class NewestWindowContract : IndexContract
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs);

    private readonly IEventIndex _index;

    protected NewestWindowContract(IndexEngine engine)
        : base(engine)
    {
        _index = Engine.Open();

        // 3,000 messages one millisecond apart on two partitions (several chunks each on LiteDB), and a burst of 500
        // more in the last 50 ms: uneven traffic, which interpolation alone would misjudge.
        _index.Write(Envelopes.Range("steady", 0, 0, 1_499));
        _index.Write([.. Enumerable.Range(0, 1_500).Select(i => Envelopes.Event("steady", 1, i, timestampMs: Envelopes.BaseTimestampMs + 1_500 + i))]);
        _index.Write([.. Enumerable.Range(0, 500).Select(i => Envelopes.Event("burst", 0, i, timestampMs: Envelopes.BaseTimestampMs + 2_950 + (i % 50)))]);
    }

    [ContractFact]
    public void StartHoldingAtMost_WindowFits_IsTheWindowsStart()
    {
        var start = NewestWindow.StartHoldingAtMost(_index, Start, Start.AddSeconds(10), 10_000, out var inWindow);

        Assert.Equal(Start, start);
        Assert.Equal(3_500, inWindow);
    }

    [ContractTheory]
    [InlineData(100)]
    [InlineData(700)]
    [InlineData(2_000)]
    public void StartHoldingAtMost_WindowHoldsMore_KeepsTheNewestAtMostTheCapButCloseToIt(int cap)
    {
        var to = Start.AddSeconds(10);

        var start = NewestWindow.StartHoldingAtMost(_index, Start, to, cap, out var inWindow);

        var held = _index.Count(new EventRange { Selection = new EventSelection { From = start, To = to } });
        Assert.True(start > Start);
        Assert.Equal(3_500, inWindow);
        Assert.InRange(held, (long)(cap * 0.9), cap);
    }

    [ContractFact]
    public void StartHoldingAtMost_WithinSomeTopics_CountsAndNarrowsOverThoseOnly()
    {
        var to = Start.AddSeconds(10);
        var steady = new EventSelection { Topics = ["steady"] };

        var whole = NewestWindow.StartHoldingAtMost(_index, steady, Start, to, 10_000, out var inWindow);
        var narrowed = NewestWindow.StartHoldingAtMost(_index, steady, Start, to, 700, out _);

        Assert.Equal((Start, 3_000L), (whole, inWindow));
        var held = _index.Count(new EventRange { Selection = steady with { From = narrowed, To = to } });
        Assert.InRange(held, 630, 700);
        // Over every topic the same start would hold the burst as well: far more than the cap.
        Assert.True(_index.Count(new EventRange { Selection = new EventSelection { From = narrowed, To = to } }) > 700);
    }
}
