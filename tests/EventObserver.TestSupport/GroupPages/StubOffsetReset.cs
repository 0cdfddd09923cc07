using EventObserver.Core.Groups;

namespace EventObserver.TestSupport.GroupPages;

/// <summary>
/// An offset reset service that answers every request with <see cref="Rows"/> (or <see cref="Refusal"/>), and records
/// what it was asked and what it "wrote".
/// </summary>
public sealed class StubOffsetReset : IGroupOffsetReset
{
    public bool Enabled { get; set; } = true;

    public IReadOnlyList<OffsetResetRow> Rows { get; set; } = [];

    public string? Refusal { get; set; }

    public List<OffsetResetRequest> Previewed { get; } = [];

    public List<OffsetResetRequest> Applied { get; } = [];

    public Task<OffsetResetPreview> PreviewAsync(OffsetResetRequest request, CancellationToken cancellationToken)
    {
        Previewed.Add(request);
        return Task.FromResult(Answer(request));
    }

    public Task<OffsetResetPreview> ApplyAsync(OffsetResetRequest request, CancellationToken cancellationToken)
    {
        var answer = Answer(request);
        if (!answer.IsRefused)
        {
            Applied.Add(request);
        }

        return Task.FromResult(answer);
    }

    private OffsetResetPreview Answer(OffsetResetRequest request) =>
        new(request, Refusal is null ? Rows : [], Refusal is null ? Rows.Sum(r => r.LagAfter) : 0, Refusal);
}
