using System.Runtime.CompilerServices;

namespace EventObserver.Components.Tests.Infrastructure;

/// <summary>
/// bUnit's synchronous WaitFor* calls block a pool thread each while test classes run in parallel; with the pool's
/// minimum at the core count (2 here) the renderer's dispatcher could wait for a thread until a wait timed out
/// ("the wait condition was never checked"). More threads from the start keep the checks running.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
    }
}
