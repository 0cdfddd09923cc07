using Bunit;

using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Masking;
using EventObserver.Features.Events;

namespace EventObserver.Components.Tests.Feed;

public sealed class MaskedFieldListTests : DashboardTestContext
{
    [Fact]
    public void MaskedFields_EachIsListedAsMaskedOrRemoved()
    {
        var list = Context.Render<MaskedFieldList>(p => p.Add(c => c.Fields, new List<MaskedField>
        {
            new(MaskedFieldKind.JsonPath, "$.card.number", MaskingAction.KeepLast4),
            new(MaskedFieldKind.JsonPath, "$.card.cvv", MaskingAction.Remove),
            new(MaskedFieldKind.Header, "x-customer", MaskingAction.Hash),
            new(MaskedFieldKind.Pattern, @"\d{16}", MaskingAction.Mask),
        }));

        Assert.Equal(
            [
                "$.card.number: masked by rule (KeepLast4)",
                "$.card.cvv: removed by masking",
                "header x-customer: masked by rule (Hash)",
                @"text matching \d{16}: masked by rule (Mask)",
            ],
            list.FindAll("[data-testid=masked-field]").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public void NothingMasked_RendersNothing()
    {
        var list = Context.Render<MaskedFieldList>(p => p.Add(c => c.Fields, []));

        Assert.Empty(list.FindAll("[data-testid=masked-fields]"));
    }
}
