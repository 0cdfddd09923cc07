using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace EventObserver.Tests.Security;

/// <summary>Counts the request-body bytes the app reads (wrapped outermost), to prove a server stops reading at its limit.</summary>
public sealed class BodyReadMeter : IStartupFilter
{
    private long _bytes;

    public long BytesRead => Interlocked.Read(ref _bytes);

    public void Reset() => Interlocked.Exchange(ref _bytes, 0);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Request.Body = new MeteredStream(context.Request.Body, this);
            return nextMiddleware(context);
        });
        next(app);
    };

    internal int Add(int bytes)
    {
        Interlocked.Add(ref _bytes, bytes);
        return bytes;
    }
}
