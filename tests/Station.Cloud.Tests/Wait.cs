using System;
using System.Threading;
using Xunit.Sdk;

namespace Station.Cloud.Tests
{
    /// <summary>Polling for conditions reached by other threads (broker, client loops). The timeout is a safety net,
    /// not a measurement: tests never assert on how long something took.</summary>
    public static class Wait
    {
        /// <summary>Waits until <paramref name="condition"/> holds; fails with <paramref name="what"/> after the timeout.</summary>
        public static void Until(Func<bool> condition, string what, int timeoutMs = 10000) =>
            Until(condition, () => what, timeoutMs);

        /// <summary>Waits until <paramref name="condition"/> holds; after the timeout fails with what
        /// <paramref name="describe"/> says then (the state the condition was waiting on, for the failure message).</summary>
        public static void Until(Func<bool> condition, Func<string> describe, int timeoutMs = 10000)
        {
            var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (!condition())
            {
                if (DateTime.UtcNow > deadline) throw new XunitException("timed out waiting for: " + describe());
                Thread.Sleep(10);
            }
        }
    }
}
