using System.Collections;
using System.Text;

namespace Station.Core.Console
{
    /// <summary>The one table of console commands (<c>noun verb [args]</c>). Parsing, argument counts, the maintenance
    /// permission, help text, Tab completion, the command reference in docs/console.md and the tests come from it.</summary>
    public static class CommandTable
    {
        /// <summary>Most words accepted on one line; more is an error, not a truncation. The longest command, a swap
        /// authorisation with vehicle, pack and all five booking terms with their values, has 14: a line one word longer
        /// still gets that command's usage, not just "too many words".</summary>
        public const int MaxWords = 16;

        // Every command, in the order help lists them. Private: a public static array's elements could be replaced.
        private static readonly ConsoleCommand[] Commands = new ConsoleCommand[]
        {
            new ConsoleCommand(CommandId.Status, "status", "", "", 0, 0, false, "status",
                "station state, lift, locks, interlocks; in a fault or hold also why"),
            new ConsoleCommand(CommandId.Why, "why", "", "", 0, 0, false, "why",
                "why the station is not swapping or why motion is refused"),
            new ConsoleCommand(CommandId.Faults, "faults", "", "", 0, 0, false, "faults",
                "the latched fault with its meaning and action, and recent faults"),
            new ConsoleCommand(CommandId.FaultReset, "fault", "reset", "<code>", 1, 1, true, "fault reset 21",
                "clear the latched fault <code> when its cause is gone; the lift must home next"),
            new ConsoleCommand(CommandId.LiftJog, "lift", "jog", "<mm>", 1, 1, true, "lift jog +10",
                "move the lift by <mm> (signed, at most lift.jog_step_mm) at the jog speed; any key stops it", "lift"),
            new ConsoleCommand(CommandId.RobotJog, "robot", "jog", "<axis> <mm>", 2, 2, true, "robot jog travel +10",
                "move the robot's axis <axis> (status names them) by <mm> (signed, at most lift.jog_step_mm) at the jog speed; an axis the fork blocks only with the fork home; any key stops it", "robot"),
            new ConsoleCommand(CommandId.Home, "home", "", "", 0, 0, true, "home",
                "home the lift (seek the home switch at the homing speed); any key stops it"),
            new ConsoleCommand(CommandId.BmsShow, "bms", "show", "", 0, 0, false, "bms show",
                "the pack BMS data as last read"),
            new ConsoleCommand(CommandId.RackShow, "rack", "show", "", 0, 0, false, "rack show",
                "rack slots and where every pack is"),
            new ConsoleCommand(CommandId.RackSet, "rack", "set", "<slot> <serial> <soc> <state>", 4, 4, true, "rack set 3 P0004 95 ready",
                "record the pack standing in rack slot <slot> (<soc> 0..100 %, <state> charging, ready or faulty)"),
            new ConsoleCommand(CommandId.RackClear, "rack", "clear", "<slot>", 1, 1, true, "rack clear 3",
                "record rack slot <slot> as empty"),
            new ConsoleCommand(CommandId.PackPlace, "pack", "place", "<place> <serial>|none [soc]", 2, 3, true, "pack place staging P0004 95",
                "record the pack at <place> (staging, lift, vehicle, return) as there and confirmed, or 'none' for empty"),
            new ConsoleCommand(CommandId.ConveyorStage, "conveyor", "stage", "", 0, 0, true, "conveyor stage",
                "run the staging conveyor until the pack recorded at staging reaches the staging sensor; any key stops it"),
            new ConsoleCommand(CommandId.LocksEngage, "locks", "engage", "", 0, 0, true, "locks engage",
                "re-engage every lock on the vehicle's pack (lift up to it, locks engage, lift home) after a cut or fault left them between; any key stops it", "locks"),
            new ConsoleCommand(CommandId.ConfigShow, "config", "show", "", 0, 0, false, "config show",
                "every configuration key with its value, range and unit"),
            new ConsoleCommand(CommandId.ConfigGet, "config", "get", "<key>", 1, 1, false, "config get lift.speed_mm_s",
                "one key's value, range and meaning"),
            new ConsoleCommand(CommandId.ConfigSet, "config", "set", "<key> <value>", 2, 2, true, "config set lift.speed_mm_s 150",
                "change a key in the running configuration (checked against its range)"),
            new ConsoleCommand(CommandId.ConfigSave, "config", "save", "", 0, 0, true, "config save",
                "store the running configuration (atomic: a power cut keeps the old or the new)"),
            new ConsoleCommand(CommandId.ConfigDefault, "config", "default", "", 0, 0, true, "config default",
                "set every key to its default (not stored until 'config save')"),
            new ConsoleCommand(CommandId.MaintEnter, "maint", "enter", "<pin>", 1, 1, false, "maint enter 1234",
                "enter maintenance (no swap running, bay clear); three wrong PINs lock it"),
            new ConsoleCommand(CommandId.MaintExit, "maint", "exit", "", 0, 0, false, "maint exit",
                "leave maintenance and release the sequencer"),
            new ConsoleCommand(CommandId.SelfTest, "selftest", "", "", 0, 0, true, "selftest",
                "toggle and read back every actuator and sensor that can be safely exercised"),
            new ConsoleCommand(CommandId.LogTail, "log", "tail", "[n]", 0, 1, false, "log tail 20",
                "the last [n] log lines (default 10)"),
            new ConsoleCommand(CommandId.RecoverConfirm, "recover", "confirm", "", 0, 0, true, "recover confirm",
                "confirm recovery after a power loss or interrupted swap; the station then homes"),
            new ConsoleCommand(CommandId.SwapAuthorize, "swap", "authorize", "<vehicle> [pack] [booking]", 1, 12, true,
                "swap authorize LSV123 positions 1,3 accepts qiji75",
                "leave maintenance and start a swap for <vehicle> (with [pack] or a pack the station chooses); [booking]: 'positions 1,3' (a truck's blocks), 'accepts <standards>' (what the vehicle takes), 'accepts1'..'accepts3 <standards>' (one block position's own)"),
            new ConsoleCommand(CommandId.SwapCancel, "swap", "cancel", "", 0, 0, false, "swap cancel",
                "cancel a swap that has not moved yet (still arming); once anything moves only the emergency stop halts it: Ctrl-X or 'stop'"),
            new ConsoleCommand(CommandId.SwapHistory, "swap", "history", "", 0, 0, false, "swap history",
                "the last swaps that ended, newest first: completed, aborted (with its faults), cancelled or interrupted"),
            new ConsoleCommand(CommandId.Stop, "stop", "", "", 0, 0, false, "stop",
                "emergency stop: all motion off in the next tick and a fault latched (Ctrl-X does the same at once)"),
            new ConsoleCommand(CommandId.Help, "help", "", "[noun]", 0, 1, false, "help lift",
                "the command list, or the commands of one noun"),
            new ConsoleCommand(CommandId.Version, "version", "", "", 0, 0, false, "version",
                "the firmware version and the station's name"),
            new ConsoleCommand(CommandId.Exit, "exit", "", "", 0, 0, false, "exit",
                "end this console session (maintenance ends; Ctrl-D on an empty line too)"),
            new ConsoleCommand(CommandId.Quit, "quit", "", "", 0, 0, false, "quit",
                "the same as exit"),
        };

        /// <summary>Number of commands.</summary>
        public static int Count { get { return Commands.Length; } }

        /// <summary>The command at <paramref name="index"/> (0..Count-1), in the order <c>help</c> lists them.</summary>
        public static ConsoleCommand At(int index) { return Commands[index]; }

        /// <summary>Splits a line into words at spaces. Null when there are more than <see cref="MaxWords"/>.</summary>
        public static string[] Split(string line)
        {
            ArrayList words = new ArrayList();
            int start = -1;
            for (int i = 0; i <= line.Length; i++)
            {
                bool space = i == line.Length || line[i] == ' ';
                if (space && start >= 0)
                {
                    if (words.Count == MaxWords)
                    {
                        return null;
                    }

                    words.Add(line.Substring(start, i - start));
                    start = -1;
                }
                else if (!space && start < 0)
                {
                    start = i;
                }
            }

            string[] result = new string[words.Count];
            words.CopyTo(result);
            return result;
        }

        /// <summary>Parses a line (ASCII, already checked by the line editor). A null command with an empty error means an empty line.</summary>
        public static ParsedCommand Parse(string line)
        {
            ParsedCommand parsed = new ParsedCommand();
            string[] words = Split(line);
            if (words == null)
            {
                parsed.Error = "too many words (at most " + MaxWords.ToString() + "); type 'help' for the commands";
                return parsed;
            }

            if (words.Length == 0)
            {
                parsed.Error = "";
                return parsed;
            }

            string noun = words[0].ToLower();
            if (!IsNoun(noun))
            {
                parsed.Error = "unknown command '" + words[0] + "'; type 'help' for the commands";
                return parsed;
            }

            ConsoleCommand match = null;
            int argStart = 1;
            if (HasVerbs(noun))
            {
                if (words.Length < 2)
                {
                    parsed.Error = noun + ": a verb is needed; expected " + UsagesOf(noun);
                    return parsed;
                }

                string verb = words[1].ToLower();
                for (int i = 0; i < Commands.Length; i++)
                {
                    if (Commands[i].Noun == noun && Commands[i].Verb == verb)
                    {
                        match = Commands[i];
                    }
                }

                if (match == null)
                {
                    parsed.Error = noun + ": unknown verb '" + words[1] + "'; expected " + UsagesOf(noun);
                    return parsed;
                }

                argStart = 2;
            }
            else
            {
                match = FindSingle(noun);
            }

            int argCount = words.Length - argStart;
            if (argCount < match.MinArgs)
            {
                parsed.Error = match.Words + ": missing " + match.Arguments + "; usage: " + match.Usage;
                return parsed;
            }

            if (argCount > match.MaxArgs)
            {
                parsed.Error = match.Words + ": unexpected '" + words[argStart + match.MaxArgs] + "'; usage: " + match.Usage;
                return parsed;
            }

            parsed.Command = match;
            parsed.Args = new string[argCount];
            for (int i = 0; i < argCount; i++)
            {
                parsed.Args[i] = words[argStart + i];
            }

            return parsed;
        }

        /// <summary>True when some row has <paramref name="noun"/> as its first word.</summary>
        public static bool IsNoun(string noun)
        {
            for (int i = 0; i < Commands.Length; i++)
            {
                if (Commands[i].Noun == noun)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Every usage of a noun joined with " or " ("config show or config get &lt;key&gt; or ...").</summary>
        public static string UsagesOf(string noun)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < Commands.Length; i++)
            {
                if (Commands[i].Noun == noun)
                {
                    if (text.Length > 0)
                    {
                        text.Append(" or ");
                    }

                    text.Append('\'').Append(Commands[i].Usage).Append('\'');
                }
            }

            return text.ToString();
        }

        /// <summary>The distinct nouns in table order.</summary>
        public static string[] Nouns()
        {
            ArrayList nouns = new ArrayList();
            for (int i = 0; i < Commands.Length; i++)
            {
                if (!nouns.Contains(Commands[i].Noun))
                {
                    nouns.Add(Commands[i].Noun);
                }
            }

            string[] result = new string[nouns.Count];
            nouns.CopyTo(result);
            return result;
        }

        /// <summary>The verbs of a noun in table order (empty for one-word commands).</summary>
        public static string[] VerbsOf(string noun)
        {
            ArrayList verbs = new ArrayList();
            for (int i = 0; i < Commands.Length; i++)
            {
                if (Commands[i].Noun == noun && Commands[i].Verb.Length > 0)
                {
                    verbs.Add(Commands[i].Verb);
                }
            }

            string[] result = new string[verbs.Count];
            verbs.CopyTo(result);
            return result;
        }

        private static bool HasVerbs(string noun)
        {
            return FindSingle(noun) == null;
        }

        private static ConsoleCommand FindSingle(string noun)
        {
            for (int i = 0; i < Commands.Length; i++)
            {
                if (Commands[i].Noun == noun && Commands[i].Verb.Length == 0)
                {
                    return Commands[i];
                }
            }

            return null;
        }
    }
}
