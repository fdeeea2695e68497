namespace Station.Core.Console
{
    /// <summary>The maintenance staging run that finishes bringing a pack left on the staging conveyor to the staging
    /// sensor (the core then records it as arrived); the conveyor's own deadline and the interlocks bound it.</summary>
    public sealed class StagingRun
    {
        private readonly MaintenanceMotion _host;
        private readonly StationController _controller;
        private bool _started;

        /// <summary>The staging run of <paramref name="controller"/>'s staging conveyor, ending through <paramref name="host"/>.</summary>
        public StagingRun(MaintenanceMotion host, StationController controller)
        {
            _host = host;
            _controller = controller;
        }

        /// <summary>Null when the conveyor must run (the host then turns the permit on); otherwise the outcome without
        /// motion: refused (no pack at staging) or done (the sensor already sees it: recorded as arrived).</summary>
        public ConsoleOutcome Prepare()
        {
            PackRecord staged = _controller.Inventory.At(PackPlace.Staging);
            if (staged.IsEmpty)
            {
                return ConsoleOutcome.Refused("the inventory has no pack at staging; if one stands on the staging conveyor, record it first: 'pack place staging <serial> [soc]'");
            }

            if (_controller.Sequencer.PackAtStagingSensed)
            {
                CommandResult settled = _controller.SetPlace(PackPlace.Staging, staged.Serial, staged.SocPct);
                return settled.Accepted ? ConsoleOutcome.Done("pack " + staged.Serial + " is already at the staging sensor: recorded as arrived")
                    : ConsoleOutcome.Refused(settled.Message);
            }

            _started = false;
            return null;
        }

        /// <summary>Starts the conveyor once the safety relay follows, and ends the run through the host when it stops.</summary>
        public void Update(long now)
        {
            if (!_host.GuardInterlocks())
            {
                return;
            }

            Station.Core.Motion.Conveyor conveyor = _controller.StagingConveyor;
            if (!_started)
            {
                if (!_controller.Interlocks.DrivesReady)
                {
                    return;
                }

                conveyor.Reset();
                conveyor.Start(now);
                _started = true;
                return;
            }

            if (!conveyor.IsRunning)
            {
                _controller.Interlocks.SetPermit(false, now);
                PackRecord staged = _controller.Inventory.At(PackPlace.Staging);
                _host.EndOperation(conveyor.HasArrived && !staged.InTransit
                    ? "staged: pack " + staged.Serial + " is at the staging sensor"
                    : "staging conveyor stopped without the pack at the staging sensor");
            }
        }
    }
}
