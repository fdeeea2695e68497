using Station.Core.Config;

namespace Station.Core.Console
{
    /// <summary>The commands that start a console motion (jog, home, self-test, staging, locks engage, recovery's
    /// homing) and the watch over it: its progress lines as they come, until the station says it ended.</summary>
    public sealed class MotionCommands
    {
        private readonly ConsoleReplies _replies;
        private readonly IConsoleStation _station;
        private readonly ConfigValues _config;
        private bool _watching;

        /// <summary>Motion commands on <paramref name="station"/> within the jog limits of <paramref name="config"/>.</summary>
        public MotionCommands(ConsoleReplies replies, IConsoleStation station, ConfigValues config)
        {
            _replies = replies;
            _station = station;
            _config = config;
        }

        /// <summary>True from a console motion's start until its last progress line was shown.</summary>
        public bool Watching
        {
            get { return _watching; }
        }

        /// <summary>Replies to a motion request: refused, or started and watched from now on.</summary>
        public void Start(string audited, ConsoleOutcome outcome, string started)
        {
            if (!outcome.Accepted)
            {
                _replies.Reply(audited, false, ConsoleWords.FirstWords(audited) + ": refused: " + outcome.Message);
                return;
            }

            _watching = true;
            _replies.Reply(audited, true, outcome.Message != null && outcome.Message.Length > 0 ? started + "\n" + outcome.Message : started);
        }

        /// <summary><c>lift jog MM</c>: within the jog step and the soft limits, at the jog speed.</summary>
        public void LiftJog(string audited, string arg)
        {
            int step = _config.Number(ConfigTable.LiftJogStepMm);
            string range = "between -" + step.ToString() + " and +" + step.ToString() + " mm";
            int mm;
            if (!NumberText.TryParse(arg, out mm))
            {
                _replies.Reply(audited, false, "lift jog: '" + arg + "' is not a distance; expected a whole number of mm " + range + ", e.g. 'lift jog +10'");
                return;
            }

            if (mm == 0 || mm < -step || mm > step)
            {
                _replies.Reply(audited, false, "lift jog: distance must be " + range + " (and not 0); got " + mm.ToString() + " mm");
                return;
            }

            if (!_station.LiftHomed)
            {
                _replies.Reply(audited, false, "lift jog: the lift is not homed, so its position is unknown; run 'home' first");
                return;
            }

            int position = _station.LiftPositionMm;
            int softMin = _config.Number(ConfigTable.LiftSoftMinMm);
            int softMax = _config.Number(ConfigTable.LiftSoftMaxMm);
            int target = position + mm;
            if (target > softMax)
            {
                int room = softMax - position;
                _replies.Reply(audited, false, "lift jog: target " + target.ToString() + " mm is above the soft limit lift.soft_max_mm = "
                    + softMax.ToString() + " mm (lift at " + position.ToString() + " mm); "
                    + (room > 0 ? "at most +" + room.ToString() + " mm up is possible" : "no further move up is possible"));
                return;
            }

            if (target < softMin)
            {
                int room = position - softMin;
                _replies.Reply(audited, false, "lift jog: target " + target.ToString() + " mm is below the soft limit lift.soft_min_mm = "
                    + softMin.ToString() + " mm (lift at " + position.ToString() + " mm); "
                    + (room > 0 ? "at most -" + room.ToString() + " mm down is possible" : "no further move down is possible; 'home' goes to the home switch"));
                return;
            }

            int speed = _config.Number(ConfigTable.LiftJogSpeedMmS);
            Start(audited, _station.StartLiftMove(target, speed),
                "jogging lift " + NumberText.Signed(mm) + " mm to " + target.ToString() + " mm at " + speed.ToString() + " mm/s; any key stops it");
        }

        /// <summary><c>robot jog AXIS MM</c>: the jog step checked here; the axis, its home, the axis that blocks it and
        /// its soft limits by the station.</summary>
        public void RobotJog(string audited, string axis, string arg)
        {
            int step = _config.Number(ConfigTable.LiftJogStepMm);
            int mm;
            if (!NumberText.TryParse(arg, out mm) || mm == 0 || mm < -step || mm > step)
            {
                _replies.Reply(audited, false, "robot jog: '" + arg + "' is not a distance between -" + step.ToString() + " and +"
                    + step.ToString() + " mm (lift.jog_step_mm, and not 0); e.g. 'robot jog " + axis.ToLower() + " +10'");
                return;
            }

            ConsoleOutcome outcome = _station.StartAxisJog(axis.ToLower(), mm, _config.Number(ConfigTable.LiftJogSpeedMmS));
            Start(audited, outcome.Accepted ? ConsoleOutcome.Done("") : outcome, outcome.Message + "; any key stops it");
        }

        /// <summary><c>conveyor stage</c>: nothing moves when the pack already is at the staging sensor.</summary>
        public void Stage(string audited)
        {
            ConsoleOutcome outcome = _station.StartStaging();
            if (outcome.Accepted && !_station.Busy)
            {
                // The pack was already at the staging sensor: recorded as arrived, nothing moved.
                _replies.Reply(audited, true, outcome.Message);
                return;
            }

            Start(audited, outcome, "staging conveyor running; any key stops it");
        }

        /// <summary>Shows the watched motion's progress; after it ended, its last lines, and stops watching.</summary>
        public void Watch()
        {
            if (!_watching)
            {
                return;
            }

            string progress = _station.TakeProgress();
            if (progress != null)
            {
                _replies.Announce(ConfigValueHints.Insert(_config, progress));
            }

            if (!_station.Busy)
            {
                _watching = false;
                string last = _station.TakeProgress();
                if (last != null)
                {
                    _replies.Announce(ConfigValueHints.Insert(_config, last));
                }
            }
        }
    }
}
