using System.Text;

namespace Station.Core.Console
{
    /// <summary>Reports in words of a running <see cref="StationController"/> for status, faults, bms show, rack show and
    /// the swap history; keeps the recent fault events and the last ended swaps for them.</summary>
    public sealed class StationReports
    {
        private readonly StationController _controller;
        private readonly StationIo _io;
        private readonly string[] _recentFaults = new string[8];
        private int _recentCount;
        private readonly string[] _swapHistory = new string[8];
        private int _swapHistoryCount;

        /// <summary>Reports on <paramref name="controller"/>, listening to its fault and swap events from now on.</summary>
        public StationReports(StationController controller, StationIo io)
        {
            _controller = controller;
            _io = io;
            _controller.FaultChanged += OnFaultChanged;
            _controller.SwapEvent += OnSwapEvent;
            // The last swap the journal kept (it ended before the restart) opens the history.
            if (_controller.LastSwap != null) AddHistory(_controller.LastSwap);
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

        private int LiftPositionMm
        {
            get { return RoundMm(_controller.Lift.PositionMm); }
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
            Station.Core.Motion.LiftAxis lift = _controller.Lift;
            Station.Core.Safety.Interlocks il = _controller.Interlocks;
            sb.Append("station ").Append(_controller.Config.StationId).Append(": state ").Append(SwapStates.Name(_controller.State));
            sb.Append(", fault ").Append(FaultCode == 0 ? "none" : DescribeFault(FaultCode));
            sb.Append("\nstart ").Append(_controller.Resets.Starts).Append(", reset reason ").Append(ResetReasons.Name(_controller.LastReset));
            if (_controller.TickExceptions > 0)
            {
                sb.Append(", ").Append(_controller.TickExceptions).Append(" exception(s) in the control tick, last: ").Append(_controller.LastTickException);
            }
            sb.Append("\nlift: ");
            if (lift.IsHomed)
            {
                sb.Append(LiftPositionMm).Append(" mm");
            }
            else
            {
                sb.Append("not homed (position unknown)");
            }

            sb.Append(", ").Append(LiftModeName(lift.Mode));
            sb.Append(", home switch ").Append(lift.AtHomeSwitch ? "made" : "free");
            sb.Append(", top limit ").Append(lift.AtTopLimit ? "MADE" : "free");
            sb.Append(", pack contact ").Append(lift.AtPackContact ? "made" : "free");
            // Late ticks are counted even when nothing moved: a loop that falls behind shows here before it stops a swap.
            sb.Append("\ncontrol loop: ").Append(_controller.Sequencer.LateTicks).Append(" late ticks, longest gap ")
                .Append(_controller.Sequencer.LongestTickGapMs).Append(" ms");
            sb.Append("\nlocks:");
            for (int i = 0; i < _controller.Locks.Count; i++)
            {
                sb.Append(' ').Append(i + 1).Append('=')
                    .Append(_controller.Locks.IsLocked(i) ? "locked" : _controller.Locks.IsUnlocked(i) ? "unlocked" : "between");
            }

            sb.Append("\nconveyors: staging ").Append(_controller.StagingConveyor.IsRunning ? "running" : "stopped");
            sb.Append(", transfer ").Append(_controller.TransferConveyor.IsRunning ? "running" : "stopped");
            sb.Append("\npack sensors: staging ").Append(Seen(_controller.Sequencer.PackAtStagingSensed));
            sb.Append(", lift ").Append(Seen(_controller.Sequencer.PackOnLiftSensed));
            sb.Append(", return point ").Append(Seen(_controller.Sequencer.PackAtReturnSensed));
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
            if (_swapHistoryCount == 0)
            {
                return "no swap has ended since the console started";
            }

            StringBuilder sb = new StringBuilder();
            for (int i = _swapHistoryCount - 1; i >= 0; i--)
            {
                sb.Append(_swapHistory[i]);
                if (i > 0)
                {
                    sb.Append('\n');
                }
            }

            return sb.ToString();
        }

        // Every swap ends in exactly one event carrying its record (completed, or ended otherwise): one history line each.
        private void OnSwapEvent(SwapEventKind kind, SwapState state, SwapRecord record)
        {
            if (kind == SwapEventKind.Completed || kind == SwapEventKind.Aborted)
            {
                AddHistory(record);
            }
        }

        private void AddHistory(SwapRecord r)
        {
            if (r == null || r.Outcome == SwapOutcome.InProgress)
            {
                return;
            }

            StringBuilder sb = new StringBuilder();
            sb.Append("swap ").Append(r.SwapId).Append(" vehicle ").Append(Text(r.VehicleId)).Append(": ").Append(OutcomeName(r.Outcome));
            if (r.Outcome == SwapOutcome.Aborted || r.Outcome == SwapOutcome.Interrupted)
            {
                sb.Append(" in ").Append(SwapStates.Name(r.InterruptedStep));
            }

            int n = r.FaultCount < SwapRecord.MaxFaults ? r.FaultCount : SwapRecord.MaxFaults;
            for (int i = 0; i < n; i++)
            {
                sb.Append(i == 0 ? ", fault " : ", ").Append(FaultShort((int)r.Faults[i]));
            }

            sb.Append(", pack in ").Append(Text(r.PackInSerial)).Append(", pack out ").Append(Text(r.PackOutSerial));
            if (r.Outcome == SwapOutcome.Completed)
            {
                sb.Append(", ").Append(r.DurationMs() / 1000).Append(" s");
            }

            if (_swapHistoryCount == _swapHistory.Length)
            {
                System.Array.Copy(_swapHistory, 1, _swapHistory, 0, _swapHistoryCount - 1);
                _swapHistoryCount--;
            }

            _swapHistory[_swapHistoryCount++] = sb.ToString();
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

        private static string OutcomeName(SwapOutcome outcome)
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

        private static string Text(string s)
        {
            return s == null || s.Length == 0 ? "-" : s;
        }

        private static string Soc(int pct)
        {
            return pct < 0 ? "unknown" : pct.ToString() + " %";
        }
    }
}
