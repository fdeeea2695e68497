using Station.Core.Config;

namespace Station.Core.Console
{
    /// <summary>The console's view of a running <see cref="StationController"/>: reports in words
    /// (<see cref="StationReports"/>), maintenance hold, the maintenance motions (<see cref="MaintenanceMotion"/>), and
    /// every request passed to the core, which may refuse it.</summary>
    public sealed class ControllerConsoleStation : IConsoleStation
    {
        /// <summary>How often a long console operation (homing) reports its progress, in ms.</summary>
        public const int ProgressPeriodMs = HomingWatch.ProgressPeriodMs;

        private readonly StationController _controller;
        private readonly StationReports _reports;
        private readonly SettleAdvice _settle;
        private readonly MaintenanceMotion _motion;
        private readonly Station.Core.Swap.BayDevices _devices;
        private SwapState _namedState;
        private string _stateName;

        /// <summary>A console view of <paramref name="controller"/> running over <paramref name="io"/>.</summary>
        public ControllerConsoleStation(StationController controller, StationIo io)
        {
            _controller = controller;
            _devices = controller.Sequencer.Profile.Devices(controller.Sequencer);
            _reports = new StationReports(controller, io, _devices);
            _settle = new SettleAdvice(controller);
            _motion = new MaintenanceMotion(controller, io, _devices);
            PackInventory inv = controller.Inventory;
            string[] names = new string[inv.Places];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = inv.NameOf((PackPlace)i);
            }

            PlaceWords = InventoryCommands.WordsOf(names);
        }

        /// <inheritdoc />
        public string[] PlaceWords { get; private set; }

        /// <summary>Short lower-case state name for the prompt (cached: the console reads it every poll).</summary>
        public string StateName
        {
            get
            {
                SwapState s = _controller.State;
                if (s != _namedState || _stateName == null)
                {
                    _namedState = s;
                    _stateName = SwapStates.Name(s).ToLower();
                }

                return _stateName;
            }
        }

        /// <summary>Latched fault number, 0 when none.</summary>
        public int FaultCode
        {
            get { return (int)_controller.LatchedFault; }
        }

        /// <summary>True while a swap step runs or the swapped vehicle has not left yet.</summary>
        public bool SwapRunning
        {
            get
            {
                SwapState s = _controller.State;
                return SwapStates.IsIn(s, SwapState.Swapping) || s == SwapState.Released;
            }
        }

        /// <summary>E-stop released, light curtain clear and doors closed.</summary>
        public bool BayClear
        {
            get { return _controller.Interlocks.BayClear; }
        }

        /// <summary>True once the lift has been homed.</summary>
        public bool LiftHomed
        {
            get { return _controller.Lift.IsHomed; }
        }

        /// <summary>Lift position in whole millimetres above home.</summary>
        public int LiftPositionMm
        {
            get { return RoundMm(_controller.Lift.PositionMm); }
        }

        /// <summary>True while a console-started jog, homing or self-test runs.</summary>
        public bool Busy
        {
            get { return _motion.Busy; }
        }

        /// <summary>Name, meaning and action of a fault number.</summary>
        public string DescribeFault(int code)
        {
            return StationReports.DescribeFault(code);
        }

        /// <summary>State, lift, locks, conveyors, pack sensors, interlocks and the swap in progress.</summary>
        public string Status()
        {
            return _reports.Status(SettleHints());
        }

        /// <summary>The latched fault with meaning and action, and the recent fault events.</summary>
        public string FaultReport()
        {
            return _reports.FaultReport();
        }

        /// <summary>What the release gate's pack check last said, and the packs of the current or last swap.</summary>
        public string BmsReport()
        {
            return _reports.BmsReport();
        }

        /// <summary>The last swaps that ended, newest first, one a line.</summary>
        public string SwapHistory()
        {
            return _reports.SwapHistory();
        }

        /// <summary>Where every pack is: places and rack slots.</summary>
        public string RackReport()
        {
            return _reports.RackReport();
        }

        /// <summary>Holds or releases the sequencer (no swap is authorised while held).</summary>
        public ConsoleOutcome SetMaintenance(bool on)
        {
            if (!on && _motion.Busy)
            {
                _motion.StopMotion();
            }

            _controller.MaintenanceHold = on;
            return ConsoleOutcome.Done(on ? "sequencer held" : "sequencer released");
        }

        /// <summary>Applies the keys that may change at once; the rest take effect at the next start.</summary>
        public ConsoleOutcome ApplyConfig(ConfigValues values)
        {
            string error = ConfigMapping.Apply(values, _controller.Config);
            return error != null ? ConsoleOutcome.Refused(error) : ConsoleOutcome.Done(ConfigMapping.AppliedText);
        }

        /// <summary>Why the station is not swapping (the core's words).</summary>
        public string WhyNotSwapping()
        {
            return _controller.WhyNotSwapping() + OpenInterlocks() + SettleHints();
        }

        /// <summary>Confirms recovery after a power loss.</summary>
        public ConsoleOutcome ConfirmRecovery()
        {
            CommandResult r = _controller.Sequencer.ConfirmRecovery();
            if (r.Accepted)
            {
                _motion.FollowHoming();
            }

            return Outcome(r);
        }

        /// <summary>Clears the latched fault.</summary>
        public ConsoleOutcome ResetFault(int code)
        {
            if (code != FaultCode)
            {
                return ConsoleOutcome.Refused("fault " + code.ToString() + " is not latched");
            }

            return Outcome(_controller.Sequencer.ResetFault());
        }

        /// <summary>Starts a swap.</summary>
        public ConsoleOutcome AuthorizeSwap(SwapAuthorization auth)
        {
            return Outcome(_controller.Authorize(auth));
        }

        /// <summary>Cancels a swap that has not moved yet.</summary>
        public ConsoleOutcome CancelSwap()
        {
            CommandResult r = _controller.Cancel();
            if (r.Reason == RejectReason.TooLateToCancel)
            {
                // The core's words are shared with the cloud; at the console the technician has a stop under the hand.
                return ConsoleOutcome.Refused("the swap is already moving and cannot be cancelled: press Ctrl-X (or type 'stop')"
                    + " to halt it at once; that latches a fault and 'why' then says what to do");
            }

            return Outcome(r);
        }

        /// <summary>Software emergency stop: every output off now, fault latched; ends any console operation.</summary>
        public void EmergencyStop()
        {
            _controller.EmergencyStop();
            _motion.EmergencyStopped();
        }

        /// <summary>Lines of progress since the last call, or null.</summary>
        public string TakeProgress()
        {
            return _motion.TakeProgress();
        }

        /// <summary>Lift travel used by the self-test, mm.</summary>
        public const int SelfTestLiftMm = StationSelfTest.SelfTestLiftMm;

        /// <summary>Starts the self-test (Idle or NotHomed, no fault, bay clear).</summary>
        public ConsoleOutcome StartSelfTest(int liftSpeedMmS)
        {
            return _motion.StartSelfTest(liftSpeedMmS);
        }

        /// <summary>Number of rack slots.</summary>
        public int RackSlotCount
        {
            get { return _controller.Inventory.SlotCount; }
        }

        /// <summary>Sets (serial not null) or empties rack slot <paramref name="slot"/>; the core journals it.</summary>
        public ConsoleOutcome SetRackSlot(int slot, string serial, int socPct, PackState state)
        {
            if (_motion.Busy)
            {
                return ConsoleOutcome.Refused("another console operation runs");
            }

            CommandResult r = _controller.SetRackSlot(slot, serial, socPct, serial == null ? PackState.Empty : state);
            return r.Accepted ? ConsoleOutcome.Done(RackReport()) : ConsoleOutcome.Refused(r.Message);
        }

        /// <summary>Sets (serial not null) or empties a place outside the rack; the core journals it.</summary>
        public ConsoleOutcome SetPackPlace(PackPlace place, string serial, int socPct)
        {
            if (_motion.Busy)
            {
                return ConsoleOutcome.Refused("another console operation runs");
            }

            CommandResult r = _controller.SetPlace(place, serial, socPct);
            return r.Accepted ? ConsoleOutcome.Done(RackReport()) : ConsoleOutcome.Refused(r.Message);
        }

        /// <summary>Runs the staging conveyor until the staging sensor sees the pack the inventory has at staging.</summary>
        public ConsoleOutcome StartStaging()
        {
            return _motion.StartStaging();
        }

        /// <summary>Starts the re-engaging of every lock (Idle, homed, bay clear, vehicle positioned, nothing on the lift).</summary>
        public ConsoleOutcome StartRelock()
        {
            return _motion.StartRelock();
        }

        /// <summary>Starts a capped maintenance move of the lift (Idle, homed, bay clear).</summary>
        public ConsoleOutcome StartLiftMove(int targetMm, int speedMmS)
        {
            return _motion.StartLiftMove(targetMm, speedMmS);
        }

        /// <summary>True when the bay's profile names <paramref name="device"/> as its mover or its lock group.</summary>
        public bool Has(string device)
        {
            return device == _devices.Mover || device == _devices.LockGroup;
        }

        /// <summary>What homes as a whole ("lift", "robot").</summary>
        public string Mover
        {
            get { return _devices.Mover; }
        }

        /// <summary>Starts a capped maintenance jog of a named axis (Idle, homed, bay clear, its blocker home).</summary>
        public ConsoleOutcome StartAxisJog(string axis, int mm, int speedMmS)
        {
            return _motion.StartAxisJog(axis, mm, speedMmS);
        }

        /// <summary>Starts homing through the core.</summary>
        public ConsoleOutcome StartHoming()
        {
            return _motion.StartHoming();
        }

        /// <summary>Stops the console operation now.</summary>
        public void StopMotion()
        {
            _motion.StopMotion();
        }

        /// <summary>Advances the console operation; called after the controller's tick.</summary>
        public void Update()
        {
            _motion.Update();
        }

        private static ConsoleOutcome Outcome(CommandResult r)
        {
            return r.Accepted ? ConsoleOutcome.Done(r.Message) : ConsoleOutcome.Refused(r.Message);
        }

        // The bay's own interlock inputs that read open (a truck robot's overload, anti-tipping), one a line.
        private string OpenInterlocks()
        {
            string text = "";
            for (int i = 0; i < _devices.Inputs.Length; i++)
            {
                Station.Core.Swap.DeviceInput input = _devices.Inputs[i];
                if (input.Interlock && !input.Input.Value)
                {
                    text = text + "\n" + input.Text() + ": an interlock; nothing moves until it reads " + input.HighWord;
                }
            }

            return text;
        }

        private string SettleHints()
        {
            return _settle.Text();
        }

        private static int RoundMm(double mm)
        {
            return StationReports.RoundMm(mm);
        }
    }
}
