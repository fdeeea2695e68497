using System;
using Station.Core;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>The operator's commands of a scenario (reset, home, confirm_recovery, cancel, software_stop), the same on
    /// both bays, and the check of a command's answer against the event's "expect" and "reason".</summary>
    public sealed class OperatorCommands
    {
        private readonly Func<StationController> _controller;
        private readonly SimClock _clock;
        private readonly RunRecord _record;

        /// <summary>Commands to whatever controller <paramref name="controller"/> returns (null while the power is off).</summary>
        public OperatorCommands(Func<StationController> controller, SimClock clock, RunRecord record)
        {
            _controller = controller;
            _clock = clock;
            _record = record;
        }

        /// <summary>The answer to a bay-independent command event, or null when <paramref name="e"/> is not one.</summary>
        public string Fire(ScenarioEvent e)
        {
            string result;
            switch (e.Do)
            {
                case "reset": result = Command(c => c.ResetFault()); break;
                case "home": result = Command(c => c.Home()); break;
                case "confirm_recovery": result = Command(c => c.ConfirmRecovery()); break;
                case "cancel": result = Command(c => c.Cancel()); break;
                case "software_stop": result = Command(c => c.EmergencyStop()); break;
                default: return null;
            }
            CheckAnswer(e, result);
            return result;
        }

        /// <summary>" → accepted", " → refused: why", or " → no controller (power is off)".</summary>
        public string Command(Func<StationController, CommandResult> command)
        {
            StationController c = _controller();
            if (c == null) return " → no controller (power is off)";
            var r = command(c);
            return r.Accepted ? " → accepted" : $" → refused: {r.Message}";
        }

        /// <summary>Notes in the run's record when <paramref name="result"/> is not what the event's "expect" (and
        /// "reason") asked for.</summary>
        public void CheckAnswer(ScenarioEvent e, string result)
        {
            if (!e.Args.TryGetValue("expect", out var x)) return;
            bool accepted = result == " → accepted";
            bool wantAccepted = (string)x == "accepted";
            string at = $"events[{e.Index}] {e.Do} at {_clock.NowMs / 1000.0:0.00} s";
            if (accepted != wantAccepted) _record.CommandFailures.Add($"{at} was {(accepted ? "accepted" : "not accepted" + result)}, expected {x}");
            else if (!accepted && e.Args.TryGetValue("reason", out var why) && !result.Contains((string)why, StringComparison.OrdinalIgnoreCase))
                _record.CommandFailures.Add($"{at} was refused{result.Replace(" → refused", "")}, expected a reason containing \"{why}\"");
        }
    }
}
