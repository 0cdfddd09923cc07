namespace EventObserver.Features.Replay.Endpoints;

/// <summary>
/// The RFC 7807 answers a replay endpoint declares. Handlers returning <see cref="IResult"/> cannot declare them by
/// type, so the mapping states them; <c>ReplayEndpointMetadataTests</c> keeps the lists from going missing.
/// </summary>
internal static class ReplayProblemMetadata
{
    /// <summary>Problem documents with these status codes.</summary>
    public static RouteHandlerBuilder ProducesReplayProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var statusCode in statusCodes)
        {
            builder.ProducesProblem(statusCode);
        }

        return builder;
    }

    /// <summary>
    /// What every endpoint reading a JSON body can answer: 400 (broken JSON, invalid or over-long fields, by field),
    /// 413 (<see cref="ReplayBody"/>'s limit), and the request guard's 403 (another site's page) and 415 (not JSON).
    /// </summary>
    public static RouteHandlerBuilder ProducesBodyProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesValidationProblem().ProducesReplayProblems(
            StatusCodes.Status403Forbidden, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
}
