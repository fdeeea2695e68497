using System;
using System.Threading;
using Station.Fleet;
using Xunit;
using Xunit.Sdk;

namespace Station.Cloud.Tests
{
    /// <summary>A fleet run on its own thread with an outside consumer on the broker, for tests that act on the fleet
    /// while it runs (<see cref="FleetUntil"/>): waits on what the consumer saw, then stops the fleet cleanly.</summary>
    public sealed class RunningFleet : IDisposable
    {
        readonly Mosquitto _broker;
        readonly CancellationTokenSource _stop = new CancellationTokenSource();
        readonly Thread _fleet;
        FleetReport _report;
        Exception _error;

        /// <summary>Starts <paramref name="settings"/> against <paramref name="broker"/>, the consumer already subscribed.</summary>
        public RunningFleet(FleetSettings settings, Mosquitto broker)
        {
            _broker = broker;
            Consumer = new Consumer(broker.Port);
            _fleet = new Thread(() =>
            {
                try { _report = FleetRun.Execute(settings, null, _stop.Token); }
                catch (Exception e) { _error = e; }
            });
            _fleet.Start();
        }

        /// <summary>The outside consumer of the fleet's records.</summary>
        public Consumer Consumer { get; }

        /// <summary>False once the fleet run ended by itself.</summary>
        public bool IsAlive => _fleet.IsAlive;

        /// <summary>Waits until <paramref name="done"/> holds for the consumer's records or the run ended (the bound only
        /// ends a hung run: the test fails saying <paramref name="what"/>).</summary>
        public void WaitFor(Func<Consumer, bool> done, string what, int boundMs = 240000) =>
            Wait.Until(() => done(Consumer) || !_fleet.IsAlive, () => what + "; the consumer saw " + Consumer.Records.Length + " records, broker log: " + _broker.Log, boundMs);

        /// <summary>Stops the fleet, waits for its end and returns its report (throws what the run threw).</summary>
        public FleetReport Stop()
        {
            _stop.Cancel();
            Assert.True(_fleet.Join(TimeSpan.FromSeconds(90)), "the fleet run did not end after it was stopped");
            if (_error != null) throw new XunitException("the fleet run failed: " + _error);
            return _report;
        }

        /// <summary>Stops the fleet if a test failed before <see cref="Stop"/>, and closes the consumer.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            _fleet.Join(TimeSpan.FromSeconds(90));
            Consumer.Dispose();
            _stop.Dispose();
        }
    }
}
