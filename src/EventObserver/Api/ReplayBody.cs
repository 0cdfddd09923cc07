using System.Text.Json;

using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace EventObserver.Api;

/// <summary>Reads a JSON request body; broken or missing JSON becomes a message, never an exception.</summary>
internal static class ReplayBody
{
    public const long MaxBytes = 1024 * 1024;

    public static async Task<(T? Value, string? Error)> ReadAsync<T>(HttpRequest request, IOptions<JsonOptions> json, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is > MaxBytes)
        {
            return (null, $"The request body is larger than {MaxBytes:N0} bytes.");
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, json.Value.SerializerOptions, cancellationToken);
            return value is null ? (null, "The request body must be a JSON object.") : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, $"The request body is not valid JSON for this endpoint: {ex.Message}");
        }
        catch (NotSupportedException ex)
        {
            return (null, ex.Message);
        }
    }
}
