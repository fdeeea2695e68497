using Station.Core.Motion;
using Station.Core.Swap;

namespace Station.Core.Console
{
    /// <summary>The console's maintenance motions, one at a time: jogs, homing, the self-test, the staging run and the
    /// relock; their progress lines; stopping them. The sequencer supervises each like a swap's motion (the permit,
    /// the interlocks, every device's deadline); this class also ends the operation when an interlock opens.</summary>
    /// <remarks>Operations: a jog (<see cref="AxisJog"/>), homing (<see cref="HomingWatch"/>), the self-test
    /// (<see cref="StationSelfTest"/>), the staging run (<see cref="StagingRun"/>) and the relock
    /// (<see cref="LockRelock"/>). Each that drives something turns MotionPermit on and waits for the safety relay; each
    /// ends on its own, on a key (outputs off, no fault) or on any fault.</remarks>
    public sealed class MaintenanceMotion
    {
        private const int OpNone = 0;
        private const int OpJog = 1;
        private const int OpHoming = 2;
        private const int OpSelfTest = 3;
        private const int OpStage = 4;
        private const int OpRelock = 5;

        private readonly StationController _controller;
        private readonly StationIo _io;
        private readonly BayDevices _devices;
        private readonly ProgressLines _progress = new ProgressLines();
        private readonly StationSelfTest _selfTest;
        private readonly LockRelock _relock;
        private readonly StagingRun _staging;
        private readonly AxisJog _jog;
        private readonly HomingWatch _homing;
        private readonly MotionPermission _permission;
        private int _op = OpNone;

        /// <summary>Maintenance motions of <paramref name="controller"/>'s <paramref name="devices"/> over <paramref name="io"/>.</summary>
        public MaintenanceMotion(StationController controller, StationIo io, BayDevices devices)
        {
            _controller = controller;
            _io = io;
            _devices = devices;
            _selfTest = new StationSelfTest(this, controller, io, devices);
            _relock = new LockRelock(this, controller, io);
            _staging = new StagingRun(this, controller);
            _jog = new AxisJog(this, controller, io);
            _homing = new HomingWatch(this, controller, devices);
            _permission = new MotionPermission(controller, devices);
        }

        /// <summary>True while a console-started jog, homing or self-test runs.</summary>
        public bool Busy
        {
            get { return _op != OpNone; }
        }

        /// <summary>The recovery the operator confirmed homes the station: followed like a console homing.</summary>
        public void FollowHoming()
        {
            _op = OpHoming;
            _homing.Start(_io.Clock.NowMs);
        }

        /// <summary>Lines of progress since the last call, or null.</summary>
        public string TakeProgress()
        {
            return _progress.Take();
        }

        /// <summary>Adds a line to the progress the console prints next.</summary>
        internal void Progress(string line)
        {
            _progress.Add(line);
        }

        /// <summary>Starts the self-test (Idle or NotHomed, no fault, bay clear).</summary>
        public ConsoleOutcome StartSelfTest(int liftSpeedMmS)
        {
            string refusal = RefuseMotion(false);
            if (refusal != null)
            {
                return ConsoleOutcome.Refused(refusal);
            }

            _op = OpSelfTest;
            _selfTest.Start(liftSpeedMmS);
            return ConsoleOutcome.Done("");
        }

        /// <summary>Runs the staging conveyor until the staging sensor sees the pack the inventory has at staging (the
        /// core then records it as arrived); the conveyor's own deadline and the interlocks bound it.</summary>
        public ConsoleOutcome StartStaging()
        {
            string refusal = RefuseMotion(false);
            if (refusal != null)
            {
                return ConsoleOutcome.Refused(refusal);
            }

            ConsoleOutcome settled = _staging.Prepare();
            return settled != null ? settled : BeginPermitOperation(OpStage);
        }

        /// <summary>Starts the re-engaging of every lock (Idle, homed, bay clear, vehicle positioned, nothing on the lift).</summary>
        public ConsoleOutcome StartRelock()
        {
            string refusal = RefuseMotion(true);
            if (refusal == null)
            {
                refusal = _relock.Refusal();
            }

            if (refusal != null)
            {
                return ConsoleOutcome.Refused(refusal);
            }

            _relock.Start();
            return BeginPermitOperation(OpRelock);
        }

        /// <summary>The emergency stop ended the operation (the core stopped every output).</summary>
        public void EmergencyStopped()
        {
            if (_op != OpNone)
            {
                EndOperation("stopped by the emergency stop");
            }
        }

        /// <summary>Starts a capped maintenance move of the lift (Idle, homed, bay clear).</summary>
        public ConsoleOutcome StartLiftMove(int targetMm, int speedMmS)
        {
            string refusal = RefuseMotion(true);
            return refusal != null ? ConsoleOutcome.Refused(refusal) : StartJog(_jog.PrepareLift(targetMm, speedMmS));
        }

        /// <summary>Starts a capped maintenance jog of the axis named <paramref name="name"/> by <paramref name="mm"/>
        /// (Idle, homed, bay clear, the axis that blocks it home, the target inside its soft limits).</summary>
        public ConsoleOutcome StartAxisJog(string name, int mm, int speedMmS)
        {
            string refusal = _devices.Axis(name) == null ? null : RefuseMotion(true);
            return refusal != null ? ConsoleOutcome.Refused(refusal) : StartJog(_jog.Prepare(_devices, name, mm, speedMmS));
        }

        // The jog the AxisJog prepared (permit on), or its refusal.
        private ConsoleOutcome StartJog(ConsoleOutcome prepared)
        {
            if (prepared.Accepted)
            {
                BeginPermitOperation(OpJog);
            }

            return prepared;
        }

        // Starts a console operation that drives something: MotionPermit on now; its update waits for the safety relay.
        private ConsoleOutcome BeginPermitOperation(int op)
        {
            _op = op;
            _controller.Interlocks.SetPermit(true, _io.Clock.NowMs);
            return ConsoleOutcome.Done("");
        }

        /// <summary>Starts homing through the core.</summary>
        public ConsoleOutcome StartHoming()
        {
            if (_op != OpNone)
            {
                return ConsoleOutcome.Refused("another console operation runs");
            }

            CommandResult r = _controller.Sequencer.Home();
            if (!r.Accepted)
            {
                return ConsoleOutcome.Refused(r.Message);
            }

            _op = OpHoming;
            _homing.Start(_io.Clock.NowMs);
            return ConsoleOutcome.Done("");
        }

        /// <summary>Stops the console operation now.</summary>
        public void StopMotion()
        {
            switch (_op)
            {
                case OpJog:
                    _jog.Stop();
                    break;
                case OpHoming:
                    _homing.Stop();
                    break;
                case OpSelfTest:
                    _selfTest.Abort("self-test stopped by key");
                    break;
                case OpStage:
                    _controller.StagingConveyor.Stop();
                    _controller.Interlocks.SetPermit(false, _io.Clock.NowMs);
                    EndOperation("staging stopped by key: the pack is still not at the staging sensor");
                    break;
                case OpRelock:
                    _relock.Stop();
                    break;
            }
        }

        /// <summary>Advances the console operation; called after the controller's tick.</summary>
        public void Update()
        {
            if (_op == OpNone)
            {
                return;
            }

            long now = _io.Clock.NowMs;
            if (_controller.State == SwapState.Faulted)
            {
                if (_op == OpSelfTest)
                {
                    _selfTest.FailLiftMoveByFault(FaultShort(FaultCode));
                    _selfTest.Abort("self-test ended by fault " + FaultShort(FaultCode));
                }
                else
                {
                    EndOperation(OpName() + " ended by fault " + FaultShort(FaultCode) + " (" + Where() + ")");
                }

                return;
            }

            switch (_op)
            {
                case OpJog:
                    _jog.Update(now);
                    break;
                case OpHoming:
                    _homing.Update(now);
                    break;
                case OpSelfTest:
                    _selfTest.Update(now);
                    break;
                case OpStage:
                    _staging.Update(now);
                    break;
                case OpRelock:
                    _relock.Update(now);
                    break;
            }
        }

        private string OpName()
        {
            switch (_op)
            {
                case OpJog: return "jog";
                case OpHoming: return "homing";
                case OpStage: return "staging";
                case OpRelock: return "locks engage";
                default: return "self-test";
            }
        }

        // Where the operation's axis stands, for its end messages: the jogged axis, else the lift.
        private string Where()
        {
            return _op == OpJog ? _jog.Where() : AxisPositions.Text(_devices, " at ");
        }

        /// <summary>Outside the core's Motion states the sequencer does not watch the interlocks: a console motion does it
        /// here, after the controller sampled them this tick, and latches the interlock's fault (every output off now).</summary>
        internal bool GuardInterlocks()
        {
            Station.Core.FaultCode open = _controller.Interlocks.MotionFault(false);
            if (open == Station.Core.FaultCode.None)
            {
                return true;
            }

            _controller.Sequencer.RaiseFault(open);
            string what = OpName();
            string where = Where();
            if (_op == OpStage)
            {
                _controller.StagingConveyor.Stop();
            }

            _op = OpNone;
            _controller.Interlocks.SetPermit(false, _io.Clock.NowMs);
            Progress(what + " stopped by interlock: fault " + FaultShort((int)open) + " (" + where + ")");
            return false;
        }

        // Null when console motion may start, otherwise why not in words.
        private string RefuseMotion(bool needsHome)
        {
            return _op != OpNone ? "another console operation runs" : _permission.Refusal(needsHome);
        }

        /// <summary>Ends the console operation with <paramref name="message"/> as its last progress line.</summary>
        internal void EndOperation(string message)
        {
            _op = OpNone;
            Progress(message);
        }

        private int FaultCode
        {
            get { return (int)_controller.LatchedFault; }
        }

        private static string FaultShort(int code)
        {
            return StationReports.FaultShort(code);
        }

        private static int RoundMm(double mm)
        {
            return StationReports.RoundMm(mm);
        }
    }
}
