using System.Text.Json;

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventObserver.Health;

/// <summary>
/// The body of <c>/healthz/live</c> and <c>/healthz/ready</c>: the overall status and each check's status and
/// description, e.g. <c>{"status":"Unhealthy","checks":[{"name":"index","status":"Unhealthy","description":"…"}]}</c>.
/// No exception text or data: the probes are anonymous.
/// </summary>
public static class HealthReportWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description ?? "");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
