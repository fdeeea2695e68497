using System.Text;

using Station.Core.Swap;

namespace Station.Core.Console
{
    /// <summary>The self-test: reads every sensor, toggles what can be exercised safely and reads it back, and reports
    /// PASS / FAIL / SKIP per item.</summary>
    /// <remarks>
    /// Steps (one per update, each bounded in time):
    /// <list type="table">
    /// <item><term>Inputs</term><description>e-stop released, light curtain clear, doors closed, top limit free, safety
    /// relay off without a permit, every lock reading exactly one end position, every registered output at its safe
    /// level and every output read-back agreeing; pack sensors are reported.</description></item>
    /// <item><term>PermitOn</term><description>MotionPermit on; the safety relay must follow within RelayResponseMs.</description></item>
    /// <item><term>LiftUp</term><description>(homed only) the lift rises 10 mm at the jog speed; the encoder must follow
    /// upwards and a home switch made at the start must release.</description></item>
    /// <item><term>LiftBack</term><description>back to the start position; the home switch must make again if it was made.</description></item>
    /// <item><term>PermitOff</term><description>MotionPermit off; the relay must drop within RelayResponseMs.</description></item>
    /// </list>
    /// Skipped, because they cannot be exercised safely here: the locks (their tools only turn against a pack at the
    /// vehicle; releasing one under a car drops its pack) and the conveyors (running one moves packs).
    /// The interlocks are guarded throughout: one opening latches its fault and ends the test.
    /// </remarks>
    public sealed class StationSelfTest
    {
        /// <summary>Lift travel used by the self-test, mm.</summary>
        public const int SelfTestLiftMm = 10;

        private readonly MaintenanceMotion _host;
        private readonly StationController _controller;
        private readonly StationIo _io;
        private readonly BayDevices _devices;
        // The engine's lift as the bay names it ("lift"; a truck robot's "height"): the axis the test moves.
        private readonly DeviceAxis _lift;
        private readonly string _name;

        private const int StepPermitOn = 1;
        private const int StepLiftUp = 2;
        private const int StepLiftBack = 3;
        private const int StepPermitOff = 4;

        private int _step;
        private long _stepStartMs;
        private int _passed;
        private int _failed;
        private int _skipped;
        private double _startMm;
        private bool _startAtHome;
        private int _selfTestSpeed;

        /// <summary>The self-test of <paramref name="controller"/>, reporting through <paramref name="host"/>'s progress.</summary>
        public StationSelfTest(MaintenanceMotion host, StationController controller, StationIo io, BayDevices devices)
        {
            _host = host;
            _controller = controller;
            _io = io;
            _devices = devices;
            _lift = devices.Of(controller.Lift);
            _name = _lift.Name;
        }

        /// <summary>Starts the test at the lift speed given; the host has checked that motion may start.</summary>
        public void Start(int liftSpeedMmS)
        {
            _selfTestSpeed = liftSpeedMmS;
            _passed = 0;
            _failed = 0;
            _skipped = 0;
            long now = _io.Clock.NowMs;
            CheckInputs();
            _controller.Interlocks.SetPermit(true, now);
            _step = StepPermitOn;
            _stepStartMs = now;
        }

        private void CheckInputs()
        {
            Station.Core.Safety.Interlocks il = _controller.Interlocks;
            Item(il.EStopReleased, "e-stop circuit reads released");
            Item(il.LightCurtainClear, "light curtain reads clear");
            Item(il.DoorsClosed, "doors read closed");
            Item(!_controller.Lift.AtTopLimit, "top limit switch reads free");
            Item(!il.SafetyRelayOk, "safety relay reads off without a permit");
            for (int k = 0; k < _devices.LockSets.Length; k++)
            {
                DeviceLockSet set = _devices.LockSets[k];
                for (int i = 0; i < set.Locks.Count; i++)
                {
                    bool one = set.Locks.IsLocked(i) != set.Locks.IsUnlocked(i);
                    Item(one, set.Member + " " + (i + 1).ToString() + " sensors read exactly one end ("
                        + (set.Locks.IsLocked(i) ? set.LockedWord : set.Locks.IsUnlocked(i) ? set.UnlockedWord : "neither or both") + ")");
                }
            }

            for (int i = 0; i < _devices.Inputs.Length; i++)
            {
                DeviceInput input = _devices.Inputs[i];
                if (input.Interlock)
                {
                    Item(input.Input.Value, input.Name + " reads " + input.HighWord);
                }
            }

            // The output registry: every output at its safe level before the test drives anything, and every read-back
            // (a contactor's auxiliary contact) agreeing with its command.
            OutputRegistry outputs = _controller.Outputs;
            int away = 0;
            for (int i = 0; i < outputs.Count; i++)
            {
                GuardedOutput o = outputs.At(i);
                // The permit watchdog's kick toggles every control tick by design: it is never "left on".
                if (o.IsOn && (object)o != (object)_io.Safety.PermitWatchdogKick) away++;
                if (o.ReadBack != null) Item(o.ReadBack.Read() == o.IsOn, o.Name + " read-back agrees with its command");
            }
            Item(away == 0, outputs.Count.ToString() + " registered outputs at their safe level");

            string[] sensors = _devices.PackSensors;
            System.Text.StringBuilder info = new System.Text.StringBuilder();
            info.Append("INFO pack sensors: ").Append(sensors[0]).Append(' ').Append(StationReports.Seen(_controller.Sequencer.PackAtStagingSensed))
                .Append(", ").Append(sensors[1]).Append(' ').Append(StationReports.Seen(_controller.Sequencer.PackOnLiftSensed))
                .Append(", ").Append(sensors[2]).Append(' ').Append(StationReports.Seen(_controller.Sequencer.PackAtReturnSensed))
                .Append("; vehicle ").Append(il.VehiclePositioned ? "positioned" : "absent");
            StationReports.AppendInputs(info, "; ", _devices.Inputs);
            _host.Progress(info.ToString());
        }

        /// <summary>Advances the test by one step when its condition is met; ends it through the host.</summary>
        public void Update(long now)
        {
            if (!_host.GuardInterlocks())
            {
                return;
            }

            int relayMs = _controller.Config.RelayResponseMs;
            Station.Core.Motion.LiftAxis lift = _controller.Lift;
            switch (_step)
            {
                case StepPermitOn:
                    if (_controller.Interlocks.SafetyRelayOk)
                    {
                        Item(true, "safety relay follows the permit (" + (now - _stepStartMs).ToString() + " ms)");
                        if (!lift.IsHomed)
                        {
                            Skip(_name + " move and encoder: the " + _name + " is not homed ('home' first)");
                            NextStep(StepPermitOff, now);
                        }
                        else if (_lift.Blocker != null && !_lift.Blocker.Axis.IsHome)
                        {
                            Skip(_name + " move and encoder: the " + _lift.Blocker.Name + " is not home (it may stand in a cradle)");
                            NextStep(StepPermitOff, now);
                        }
                        else
                        {
                            _startMm = lift.PositionMm;
                            _startAtHome = lift.AtHomeSwitch;
                            double target = _startMm + SelfTestLiftMm;
                            if (target > _controller.Config.SoftLimitMaxMm || !lift.MoveTo(target, _selfTestSpeed, now))
                            {
                                Skip(_name + " move and encoder: no room for a " + SelfTestLiftMm.ToString() + " mm move inside the soft limits");
                                NextStep(StepPermitOff, now);
                            }
                            else
                            {
                                NextStep(StepLiftUp, now);
                            }
                        }
                    }
                    else if (now - _stepStartMs > relayMs)
                    {
                        // The core latches SafetyRelayNoResponse as well; report the item before the fault ends the test.
                        Item(false, "safety relay follows the permit (no answer in " + relayMs.ToString() + " ms)");
                        NextStep(StepPermitOff, now);
                    }

                    break;

                case StepLiftUp:
                    if (lift.TakeArrived())
                    {
                        double moved = lift.PositionMm - _startMm;
                        Item(moved > SelfTestLiftMm / 2, _name + " " + _lift.Forward + " and the encoder follows (+" + StationReports.RoundMm(moved).ToString() + " mm)");
                        if (_startAtHome)
                        {
                            Item(!lift.AtHomeSwitch, "home switch releases when the " + _name + " leaves home");
                        }

                        if (lift.MoveTo(_startMm, _selfTestSpeed, now))
                        {
                            NextStep(StepLiftBack, now);
                        }
                        else
                        {
                            // A refused move starts nothing; Stop makes sure the drive is off before the permit drops.
                            lift.Stop();
                            Item(false, _name + " returns to " + StationReports.RoundMm(_startMm).ToString() + " mm (the " + _name + " refused the move back: "
                                + (lift.IsHomed ? "faulted or busy" : "no longer homed") + "; " + _name + " at "
                                + StationReports.RoundMm(lift.PositionMm).ToString() + " mm)");
                            NextStep(StepPermitOff, now);
                        }
                    }

                    break;

                case StepLiftBack:
                    if (lift.TakeArrived())
                    {
                        if (_startAtHome)
                        {
                            // A move to home ends where the home switch makes: the switch is the reference, not the count.
                            Item(lift.AtHomeSwitch, _name + " returns home and the home switch makes again");
                        }
                        else
                        {
                            double miss = lift.PositionMm - _startMm;
                            Item(miss <= 2 && miss >= -2, _name + " returns to " + StationReports.RoundMm(_startMm).ToString() + " mm (within 2 mm: "
                                + StationReports.RoundMm(lift.PositionMm).ToString() + " mm)");
                        }

                        NextStep(StepPermitOff, now);
                    }

                    break;

                case StepPermitOff:
                    if (!_controller.Interlocks.SafetyRelayOk)
                    {
                        Item(true, "safety relay drops with the permit");
                        Finish();
                    }
                    else if (now - _stepStartMs > relayMs)
                    {
                        Item(false, "safety relay drops with the permit (still on after " + relayMs.ToString() + " ms)");
                        Finish();
                    }

                    break;
            }
        }

        private void NextStep(int step, long now)
        {
            _step = step;
            _stepStartMs = now;
            if (step == StepPermitOff)
            {
                _controller.Interlocks.SetPermit(false, now);
            }
        }

        private void Finish()
        {
            for (int i = 0; i < _devices.Untested.Length; i++)
            {
                Skip(_devices.Untested[i]);
            }

            _host.EndOperation("self-test done: " + _passed.ToString() + " passed, " + _failed.ToString() + " failed, "
                + _skipped.ToString() + " skipped");
        }

        /// <summary>A lift move that ends in a fault is a failed item, not only the end of the test.</summary>
        public void FailLiftMoveByFault(string fault)
        {
            if (_step == StepLiftUp || _step == StepLiftBack)
            {
                Item(false, (_step == StepLiftUp ? _name + " " + _lift.Forward : _name + " returns to " + StationReports.RoundMm(_startMm).ToString() + " mm")
                    + " (the move ended by fault " + fault + "; " + _name + " at " + StationReports.RoundMm(_controller.Lift.PositionMm).ToString() + " mm)");
            }
        }

        /// <summary>Stops the lift, drops the permit and ends the test with <paramref name="why"/> and the counts so far.</summary>
        public void Abort(string why)
        {
            _controller.Lift.Stop();
            _controller.Interlocks.SetPermit(false, _io.Clock.NowMs);
            _host.EndOperation(why + " (" + _passed.ToString() + " passed, " + _failed.ToString() + " failed so far)");
        }

        private void Item(bool pass, string what)
        {
            if (pass)
            {
                _passed++;
            }
            else
            {
                _failed++;
            }

            _host.Progress((pass ? "PASS " : "FAIL ") + what);
        }

        private void Skip(string what)
        {
            _skipped++;
            _host.Progress("SKIP " + what);
        }
    }
}
