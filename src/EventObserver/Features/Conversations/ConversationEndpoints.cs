namespace EventObserver.Features.Conversations;

public static class ConversationEndpoints
{
    /// <summary><c>GET /api/processes</c> and <c>GET /api/processes/{name}/conversations?status=</c>.</summary>
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
