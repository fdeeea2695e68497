namespace Station.Core.Console
{
    /// <summary>One row of the console command table: words, arguments, permission, an example and a line of help.</summary>
    public sealed class ConsoleCommand
    {
        /// <summary>Dispatch identity.</summary>
        public readonly CommandId Id;
        /// <summary>First word ("lift").</summary>
        public readonly string Noun;
        /// <summary>Second word ("jog"), or "" for a one-word command.</summary>
        public readonly string Verb;
        /// <summary>Argument names for usage text ("&lt;mm&gt;", "&lt;key&gt; &lt;value&gt;", "[n]").</summary>
        public readonly string Arguments;
        /// <summary>Fewest arguments after the command words.</summary>
        public readonly int MinArgs;
        /// <summary>Most arguments after the command words.</summary>
        public readonly int MaxArgs;
        /// <summary>True when the command moves something or changes configuration: maintenance mode is required.</summary>
        public readonly bool NeedsMaintenance;
        /// <summary>A complete valid example (used in help and driven by the table tests).</summary>
        public readonly string Example;
        /// <summary>One line of help.</summary>
        public readonly string Help;
        /// <summary>The device the command needs, as a bay profile names it ("lift", "locks", "robot"), or null when every
        /// bay has it: help lists the command only on a bay that has the device, and elsewhere it is refused.</summary>
        public readonly string Device;

        /// <summary>A row.</summary>
        public ConsoleCommand(CommandId id, string noun, string verb, string arguments, int minArgs, int maxArgs,
            bool needsMaintenance, string example, string help)
            : this(id, noun, verb, arguments, minArgs, maxArgs, needsMaintenance, example, help, null)
        {
        }

        /// <summary>A row of a command that needs <paramref name="device"/>.</summary>
        public ConsoleCommand(CommandId id, string noun, string verb, string arguments, int minArgs, int maxArgs,
            bool needsMaintenance, string example, string help, string device)
        {
            Id = id;
            Noun = noun;
            Verb = verb;
            Arguments = arguments;
            MinArgs = minArgs;
            MaxArgs = maxArgs;
            NeedsMaintenance = needsMaintenance;
            Example = example;
            Help = help;
            Device = device;
        }

        /// <summary>The command words ("lift jog", "status").</summary>
        public string Words
        {
            get { return Verb.Length == 0 ? Noun : Noun + " " + Verb; }
        }

        /// <summary>Usage text ("lift jog &lt;mm&gt;").</summary>
        public string Usage
        {
            get { return Arguments.Length == 0 ? Words : Words + " " + Arguments; }
        }
    }
}
