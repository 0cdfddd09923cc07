using System.Text.RegularExpressions;

using EventObserver.Features.Lineage;

namespace EventObserver.Components.Tests.Lineage;

public sealed class ExportFileNameTests
{
    [Theory]
    [InlineData("orders/0/7", "lineage-orders-0-7.svg")]
    [InlineData("corr-<img src=x onerror=alert(document.cookie)>", "lineage-corr-img-src-x-onerror-alert-document.cookie.svg")]
    [InlineData("../../etc/passwd", "lineage-etc-passwd.svg")]
    [InlineData("\"; rm -rf /\r\n", "lineage-rm--rf.svg")]
    [InlineData("<>:\"/\\|?*", "lineage-graph.svg")]
    [InlineData(null, "lineage-graph.svg")]
    public void ForSvg_Subject_KeepsOnlySafeCharacters(string? subject, string expected)
    {
        Assert.Equal(expected, ExportFileName.ForSvg(subject));
    }

    [Fact]
    public void ForSvg_LongHostileSubject_IsBoundedAndSafe()
    {
        var name = ExportFileName.ForSvg(string.Concat(Enumerable.Repeat("<script>é\u0000", 500)));

        Assert.Matches(new Regex("^[A-Za-z0-9._-]+$"), name);
        Assert.True(name.Length <= "lineage-.svg".Length + ExportFileName.MaxSubjectLength, name);
    }
}
