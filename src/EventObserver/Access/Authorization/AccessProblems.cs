using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EventObserver.Access.Authorization;

/// <summary>The 401/403 problem documents of the API and the hubs, and the reason a request was refused.</summary>
public static class AccessProblems
{
    private static readonly object ReasonKey = new();

    /// <summary>The roles a policy asks for, e.g. "Operator".</summary>
    public static string Roles(AuthorizationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return string.Join(" or ", policy.Requirements.OfType<RoleRequirement>().Select(r => r.Role).Distinct(StringComparer.Ordinal));
    }

    public static void SetReason(HttpContext context, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ReasonKey] = reason;
    }

    public static string? Reason(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ReasonKey, out var reason) ? reason as string : null;
    }

    /// <summary>Records a refusal (403) in the audit log.</summary>
    public static void RecordDenied(IAuditLog audit, HttpContext context, string actor, string reason)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(context);
        audit.Record(new AuditEntry
        {
            Action = AuditAction.AccessDenied,
            Actor = actor,
            Target = $"{context.Request.Method} {context.Request.Path}",
            Detail = reason,
            Succeeded = false,
            RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
        });
    }

    public static async Task WriteAsync(IProblemDetailsService problems, HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
        if (!written)
        {
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail }, options: null, "application/problem+json");
        }
    }
}
