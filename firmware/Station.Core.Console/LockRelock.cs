using Station.Core.Motion;

namespace Station.Core.Console
{
    /// <summary>Re-engaging the locks on a vehicle that still carries its pack, after a power cut or fault left them
    /// between positions (the vehicle must not leave like that). The lock tools sit on the lift platform and turn the
    /// vehicle's latches only while the platform touches the pack, so the operation is: MotionPermit on and the safety
    /// relay, lift up to the vehicle height, every lock engages, lift back home, permit off. The core's own deadlines
    /// watch each part (lift move timeout and stall, lock engage timeout); the interlocks are watched as for a jog.</summary>
    public sealed class LockRelock
    {
        private const int RelockRaise = 0;
        private const int RelockEngage = 1;
        private const int RelockLower = 2;

        private readonly MaintenanceMotion _host;
        private readonly StationController _controller;
        private readonly StationIo _io;
        private int _relockPhase;
        private bool _raising;

        /// <summary>The relock of <paramref name="controller"/>'s locks, reporting through <paramref name="host"/>.</summary>
        public LockRelock(MaintenanceMotion host, StationController controller, StationIo io)
        {
            _host = host;
            _controller = controller;
            _io = io;
        }

        /// <summary>Why the locks cannot be re-engaged now (no vehicle, or a pack on the lift), or null.</summary>
        public string Refusal()
        {
            if (!_controller.Interlocks.VehiclePositioned)
            {
                return "no vehicle at the swap position: there is no pack to lock";
            }

            if (_controller.Sequencer.PackOnLiftSensed)
            {
                return "the lift's pack sensor sees a pack: it rests on the lift, not in the vehicle; take it off the lift and record where it went ('pack place lift none', 'rack set <slot> <serial> <soc> <state>')";
            }

            return null;
        }

        /// <summary>Starts at the raise; the host turns the permit on.</summary>
        public void Start()
        {
            _relockPhase = RelockRaise;
            _raising = false;
        }

        /// <summary>Advances the relock; ends it through the host.</summary>
        public void Update(long now)
        {
            if (!_host.GuardInterlocks())
            {
                return;
            }

            if (!_controller.Interlocks.VehiclePositioned)
            {
                // The lift works under the vehicle: one that moves away is a fault, as during a swap.
                _controller.Sequencer.RaiseFault(Station.Core.FaultCode.VehicleMoved);
                EndRelock("locks engage stopped: the vehicle left its position (fault " + StationReports.FaultShort((int)Station.Core.FaultCode.VehicleMoved) + ")");
                return;
            }

            LiftAxis lift = _controller.Lift;
            switch (_relockPhase)
            {
                case RelockRaise:
                    if (!_raising)
                    {
                        if (!_controller.Interlocks.DrivesReady)
                        {
                            return; // the core latches SafetyRelayNoResponse when the relay does not follow in time
                        }

                        if (!lift.MoveTo(_controller.Config.VehicleHeightMm, now))
                        {
                            EndRelock("the lift refused the move to the vehicle height");
                            return;
                        }

                        _raising = true;
                    }

                    if (lift.TakeArrived())
                    {
                        _controller.Locks.EngageAll(now);
                        _relockPhase = RelockEngage;
                    }

                    break;
                case RelockEngage:
                    if (_controller.Locks.TakeDone())
                    {
                        if (!lift.MoveTo(0, now))
                        {
                            EndRelock("locks engaged, but the lift refused the move home: 'home' next");
                            return;
                        }

                        _relockPhase = RelockLower;
                    }

                    break;
                default:
                    if (lift.TakeArrived())
                    {
                        PackRecord p = _controller.Inventory.At(PackPlace.Lift);
                        if (p.IsEmpty)
                        {
                            p = _controller.Inventory.At(PackPlace.Vehicle);
                        }

                        EndRelock("locks engaged: every lock reads locked and the lift is home"
                            + (p.IsEmpty ? "" : "; if pack " + p.Serial + " is in the vehicle, record it: 'pack place vehicle " + p.Serial
                                + " <soc>'" + (_controller.Inventory.At(PackPlace.Lift).IsEmpty ? "" : " and 'pack place lift none'")));
                    }

                    break;
            }
        }

        /// <summary>Stops the lift and the locks at once (a key).</summary>
        public void Stop()
        {
            _controller.Lift.Stop();
            _controller.Locks.Stop();
            EndRelock("locks engage stopped by key (lift at " + StationReports.RoundMm(_controller.Lift.PositionMm).ToString() + " mm): the locks may still be between positions");
        }

        private void EndRelock(string message)
        {
            _controller.Interlocks.SetPermit(false, _io.Clock.NowMs);
            _host.EndOperation(message);
        }
    }
}
