using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Station.Tests.Shared
{
    /// <summary>Raises the thread pool's floor for test assemblies that run brokers' clients, in-process simulators and
    /// fleet runs side by side: xunit runs their test classes in parallel, the fleet's step loop keeps pool threads
    /// busy, and on a 2-core CI runner the pool starts with 2 workers and adds about one per second when starved, which
    /// can hold an MQTT connect past a test's deadline. The tools themselves run one workload per process and need no
    /// floor.</summary>
    static class ThreadPoolFloor
    {
        [ModuleInitializer]
        internal static void Raise()
        {
            ThreadPool.GetMinThreads(out int workers, out int io);
            ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
        }
    }
}
