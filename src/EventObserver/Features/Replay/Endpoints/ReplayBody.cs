using System.Text.Json;

using EventObserver.Security;

using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>Reads a JSON request body; broken, missing or oversized JSON becomes a problem, never an exception.</summary>
internal static class ReplayBody
{
    public const long MaxBytes = RequestLimits.MaxBodyBytes;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, IOptions<JsonOptions> json, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is > MaxBytes)
        {
            return (null, TooLarge());
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, json.Value.SerializerOptions, cancellationToken);
            return value is null ? (null, Invalid("The request body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Invalid($"The request body is not valid JSON for this endpoint: {ex.Message}"));
        }
        catch (NotSupportedException ex)
        {
            return (null, Invalid(ex.Message));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel stopped reading a (chunked) body at the limit.
            return (null, TooLarge());
        }
    }

    private static IResult Invalid(string message) => ReplayEndpoints.Invalid("body", message);

    private static IResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"The request body is larger than {MaxBytes:N0} bytes.");
}
