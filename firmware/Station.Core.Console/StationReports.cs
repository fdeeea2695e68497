using System.Text;

namespace Station.Core.Console
{
    /// <summary>Reports in words of a running <see cref="StationController"/> for status, faults, bms show, rack show and
    /// the swap history; keeps the recent fault events and the last ended swaps for them.</summary>
    public sealed class StationReports
    {
        private readonly StationController _controller;
        private readonly StationIo _io;
        private readonly Station.Core.Swap.BayDevices _devices;
        private readonly string[] _recentFaults = new string[8];
        private int _recentCount;
        private readonly SwapHistoryLines _history;

        /// <summary>Reports on <paramref name="controller"/> naming its <paramref name="devices"/>, listening to its fault and swap events from now on.</summary>
        public StationReports(StationController controller, StationIo io, Station.Core.Swap.BayDevices devices)
        {
            _controller = controller;
            _io = io;
            _devices = devices;
            _controller.FaultChanged += OnFaultChanged;
            _history = new SwapHistoryLines(controller);
        }

        /// <summary>Name, meaning and action of a fault number.</summary>
        public static string DescribeFault(int code)
        {
            Station.Core.FaultCode f = (Station.Core.FaultCode)code;
            return code.ToString() + " " + FaultCatalogue.Name(f) + ": " + FaultCatalogue.Meaning(f);
        }

        /// <summary>A fault number and its name, for one-line messages.</summary>
        public static string FaultShort(int code)
        {
            return code.ToString() + " " + FaultCatalogue.Name((Station.Core.FaultCode)code);
        }

        /// <summary>Lift position in whole millimetres above home.</summary>
        public static int RoundMm(double mm)
        {
            return (int)(mm + (mm >= 0 ? 0.5 : -0.5));
        }

        private int FaultCode
        {
            get { return (int)_controller.LatchedFault; }
        }

        private void OnFaultChanged(Station.Core.FaultCode code, bool raised)
        {
            string line = (raised ? "raised " : "cleared ") + DescribeFault((int)code) + " at " + WallClockText.Now(_io.Clock);
            if (_recentCount == _recentFaults.Length)
            {
                System.Array.Copy(_recentFaults, 1, _recentFaults, 0, _recentCount - 1);
                _recentCount--;
            }

            _recentFaults[_recentCount++] = line;
        }

        /// <summary>State, lift, locks, conveyors, pack sensors, interlocks and the swap in progress, closed by
        /// <paramref name="settleHints"/> (the commands that settle what is unsettled).</summary>
        public string Status(string settleHints)
        {
            StringBuilder sb = new StringBuilder();
            Station.Core.Safety.Interlocks il = _controller.Interlocks;
            sb.Append("station ").Append(_controller.Config.StationId).Append(": state ").Append(SwapStates.Name(_controller.State));
            sb.Append(", fault ").Append(FaultCode == 0 ? "none" : DescribeFault(FaultCode));
            sb.Append("\nstart ").Append(_controller.Resets.Starts).Append(", reset reason ").Append(ResetReasons.Name(_controller.LastReset));
            if (_controller.TickExceptions > 0)
            {
                sb.Append(", ").Append(_controller.TickExceptions).Append(" exception(s) in the control tick, last: ").Append(_controller.LastTickException);
            }
            for (int i = 0; i < _devices.Axes.Length; i++)
            {
                AppendAxis(sb, _devices.Axes[i]);
            }

            // Late ticks are counted even when nothing moved: a loop that falls behind shows here before it stops a swap.
            sb.Append("\ncontrol loop: ").Append(_controller.Sequencer.LateTicks).Append(" late ticks, longest gap ")
                .Append(_controller.Sequencer.LongestTickGapMs).Append(" ms");
            for (int i = 0; i < _devices.LockSets.Length; i++)
            {
                Station.Core.Swap.DeviceLockSet set = _devices.LockSets[i];
                sb.Append('\n').Append(set.Name).Append(':');
                for (int j = 0; j < set.Locks.Count; j++)
                {
                    sb.Append(' ').Append(j + 1).Append('=').Append(set.State(j));
                }
            }

            sb.Append("\nconveyors: ").Append(_devices.Conveyors[0]).Append(_controller.StagingConveyor.IsRunning ? " running" : " stopped");
            sb.Append(", ").Append(_devices.Conveyors[1]).Append(_controller.TransferConveyor.IsRunning ? " running" : " stopped");
            sb.Append("\npack sensors: ").Append(_devices.PackSensors[0]).Append(' ').Append(Seen(_controller.Sequencer.PackAtStagingSensed));
            sb.Append(", ").Append(_devices.PackSensors[1]).Append(' ').Append(Seen(_controller.Sequencer.PackOnLiftSensed));
            sb.Append(", ").Append(_devices.PackSensors[2]).Append(' ').Append(Seen(_controller.Sequencer.PackAtReturnSensed));
            AppendInputs(sb, "\nbay inputs: ", _devices.Inputs);
            sb.Append("\ninterlocks: e-stop ").Append(il.EStopReleased ? "released" : "PRESSED");
            sb.Append(", light curtain ").Append(il.LightCurtainClear ? "clear" : "BROKEN");
            sb.Append(", doors ").Append(il.DoorsClosed ? "closed" : "OPEN");
            sb.Append(", vehicle ").Append(il.VehiclePositioned ? "positioned" : "absent");
            sb.Append(", permit ").Append(il.PermitRequested ? "on" : "off");
            sb.Append(", safety relay ").Append(il.SafetyRelayOk ? "on" : "off");
            SwapRecord swap = _controller.CurrentSwap;
            if (swap != null)
            {
                sb.Append("\nswap ").Append(swap.SwapId).Append(": vehicle ").Append(swap.VehicleId)
                    .Append(", pack out ").Append(Text(swap.PackOutSerial)).Append(", pack in ").Append(Text(swap.PackInSerial));
            }
            else if (_controller.LastSwap != null)
            {
                SwapRecord last = _controller.LastSwap;
                sb.Append("\nlast swap ").Append(last.SwapId).Append(": vehicle ").Append(last.VehicleId)
                    .Append(", ").Append(OutcomeName(last.Outcome)).Append(", ").Append(last.DurationMs() / 1000).Append(" s");
            }

            // The admission chain's own checks: what status names is what Authorize refuses on.
            string unsettled = _controller.Sequencer.Admission.Unsettled();
            if (unsettled.Length > 0)
            {
                sb.Append("\nnot settled (swaps are refused until it is): ").Append(unsettled);
            }

            sb.Append(settleHints);

            return sb.ToString();
        }

        // "lift: 12 mm, stopped, home switch made, top limit free, pack contact free"
        private static void AppendAxis(StringBuilder sb, Station.Core.Swap.DeviceAxis device)
        {
            Station.Core.Motion.LiftAxis axis = device.Axis;
            sb.Append('\n').Append(device.Name).Append(": ");
            if (axis.IsHomed)
            {
                sb.Append(RoundMm(axis.PositionMm)).Append(" mm");
            }
            else
            {
                sb.Append("not homed (position unknown)");
            }

            sb.Append(", ").Append(LiftModeName(axis.Mode));
            sb.Append(", home switch ").Append(axis.AtHomeSwitch ? "made" : "free");
            sb.Append(", top limit ").Append(axis.AtTopLimit ? "MADE" : "free");
            if (device.HasPackContact)
            {
                sb.Append(", pack contact ").Append(axis.AtPackContact ? "made" : "free");
            }
        }

        /// <summary>Appends <paramref name="head"/> and each input's reading, comma-separated; nothing when there are none.</summary>
        internal static void AppendInputs(StringBuilder sb, string head, Station.Core.Swap.DeviceInput[] inputs)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                sb.Append(i == 0 ? head : ", ").Append(inputs[i].Text());
            }
        }

        /// <summary>The latched fault with meaning and action, and the recent fault events.</summary>
        public string FaultReport()
        {
            StringBuilder sb = new StringBuilder();
            Station.Core.FaultCode f = _controller.LatchedFault;
            if (f == Station.Core.FaultCode.None)
            {
                sb.Append("no fault latched");
            }
            else
            {
                sb.Append("latched: ").Append(DescribeFault((int)f)).Append("\n  action: ").Append(FaultCatalogue.Action(f));
                sb.Append("\n  reset with: fault reset ").Append((int)f);
            }

            if (_recentCount > 0)
            {
                sb.Append("\nrecent:");
                for (int i = 0; i < _recentCount; i++)
                {
                    sb.Append("\n  ").Append(_recentFaults[i]);
                }
            }

            return sb.ToString();
        }

        /// <summary>What the release gate's pack check last said, and the packs of the current or last swap.</summary>
        public string BmsReport()
        {
            StringBuilder sb = new StringBuilder();
            IReleaseGateCheck check = _controller.PackCheck;
            sb.Append("pack check: ").Append(check.VerifiesBms ? "talks to the BMS" : "inventory only (no BMS link)");
            sb.Append("\nlast verdict: ").Append(Text(check.Reason));
            sb.Append("\nmeasured SOC: ").Append(check.MeasuredSocPct < 0 ? "unknown" : check.MeasuredSocPct.ToString() + " %");
            SwapRecord swap = _controller.CurrentSwap != null ? _controller.CurrentSwap : _controller.LastSwap;
            if (swap != null)
            {
                sb.Append("\nswap ").Append(swap.SwapId).Append(": pack in ").Append(Text(swap.PackInSerial)).Append(" SOC ")
                    .Append(Soc(swap.PackInSocPct)).Append(", pack out ").Append(Text(swap.PackOutSerial)).Append(" SOC ")
                    .Append(Soc(swap.PackOutSocPct)).Append(", BMS verified ").Append(swap.BmsVerified ? "yes" : "no");
            }

            return sb.ToString();
        }

        /// <summary>The last swaps that ended, newest first, one a line.</summary>
        public string SwapHistory()
        {
            return _history.Text();
        }

        /// <summary>Where every pack is: places and rack slots.</summary>
        public string RackReport()
        {
            string text = _controller.Inventory.Describe();
            return text.Length > 0 && text[text.Length - 1] == '\n' ? text.Substring(0, text.Length - 1) : text;
        }

        private static string LiftModeName(Station.Core.Motion.LiftMode mode)
        {
            switch (mode)
            {
                case Station.Core.Motion.LiftMode.Moving: return "moving";
                case Station.Core.Motion.LiftMode.Homing: return "homing";
                case Station.Core.Motion.LiftMode.Faulted: return "faulted";
                default: return "stopped";
            }
        }

        /// <summary>A swap outcome in words.</summary>
        internal static string OutcomeName(SwapOutcome outcome)
        {
            switch (outcome)
            {
                case SwapOutcome.Completed: return "completed";
                case SwapOutcome.Cancelled: return "cancelled";
                case SwapOutcome.Aborted: return "aborted";
                case SwapOutcome.Interrupted: return "interrupted";
                default: return "in progress";
            }
        }

        /// <summary>A pack sensor's reading in words.</summary>
        internal static string Seen(bool seen)
        {
            return seen ? "sees a pack" : "empty";
        }

        /// <summary>A serial or id, "-" when there is none.</summary>
        internal static string Text(string s)
        {
            return s == null || s.Length == 0 ? "-" : s;
        }

        private static string Soc(int pct)
        {
            return pct < 0 ? "unknown" : pct.ToString() + " %";
        }
    }
}
