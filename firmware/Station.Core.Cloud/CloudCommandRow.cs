namespace Station.Core.Cloud
{
    /// <summary>One row of the cloud command table. Read-only: parser, dispatcher, docs and tests read the same row.</summary>
    public sealed class CloudCommandRow
    {
        /// <summary>The command's name as it appears in "cmd".</summary>
        public readonly string Name;
        /// <summary>What the dispatcher does with it.</summary>
        public readonly CommandKind Kind;
        /// <summary>Members it requires (CommandField bits) besides v, mid, cmd, which every command requires.</summary>
        public readonly int Required;
        /// <summary>Members it accepts (CommandField bits) besides the envelope members v, mid, cmd, exp, by.</summary>
        public readonly int Allowed;
        /// <summary>True when it starts or re-arms motion: refused in unsafe states and without a set clock.</summary>
        public readonly bool Motion;
        /// <summary>One line of help.</summary>
        public readonly string Help;

        /// <summary>Builds a row.</summary>
        public CloudCommandRow(string name, CommandKind kind, int required, int allowed, bool motion, string help)
        {
            Name = name;
            Kind = kind;
            Required = required;
            Allowed = allowed;
            Motion = motion;
            Help = help;
        }
    }
}
