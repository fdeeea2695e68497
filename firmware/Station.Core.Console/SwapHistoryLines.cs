using System.Text;

namespace Station.Core.Console
{
    /// <summary>The last swaps that ended (completed, or ended otherwise), one line each, for <c>swap history</c>;
    /// opened by the last swap the journal kept before a restart.</summary>
    public sealed class SwapHistoryLines
    {
        private readonly string[] _swapHistory = new string[8];
        private int _swapHistoryCount;

        /// <summary>The history of <paramref name="controller"/>'s swaps from now on.</summary>
        public SwapHistoryLines(StationController controller)
        {
            controller.SwapEvent += OnSwapEvent;
            // The last swap the journal kept (it ended before the restart) opens the history.
            if (controller.LastSwap != null) AddHistory(controller.LastSwap);
        }

        /// <summary>The last swaps that ended, newest first, one a line.</summary>
        public string Text()
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
            sb.Append("swap ").Append(r.SwapId).Append(" vehicle ").Append(StationReports.Text(r.VehicleId)).Append(": ").Append(StationReports.OutcomeName(r.Outcome));
            if (r.Outcome == SwapOutcome.Aborted || r.Outcome == SwapOutcome.Interrupted)
            {
                sb.Append(" in ").Append(SwapStates.Name(r.InterruptedStep));
            }

            int n = r.FaultCount < SwapRecord.MaxFaults ? r.FaultCount : SwapRecord.MaxFaults;
            for (int i = 0; i < n; i++)
            {
                sb.Append(i == 0 ? ", fault " : ", ").Append(StationReports.FaultShort((int)r.Faults[i]));
            }

            sb.Append(", pack in ").Append(StationReports.Text(r.PackInSerial)).Append(", pack out ").Append(StationReports.Text(r.PackOutSerial));
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
    }
}
