namespace Station.Core.Cloud
{
    /// <summary>Members a command may carry, as bits so a table row lists required and optional ones.</summary>
    public static class CommandField
    {
        /// <summary>"v": schema version (integer).</summary>
        public const int V = 1;
        /// <summary>"mid": message id, 1..64 printable ASCII, unique per command.</summary>
        public const int Mid = 2;
        /// <summary>"cmd": command name.</summary>
        public const int Cmd = 4;
        /// <summary>"exp": expiry, ISO 8601 UTC string.</summary>
        public const int Exp = 8;
        /// <summary>"by": who sent it (operator or service id), for the audit trail.</summary>
        public const int By = 16;
        /// <summary>"vehicle": vehicle id (VIN or fleet id).</summary>
        public const int Vehicle = 32;
        /// <summary>"pack": serial of the charged pack to use.</summary>
        public const int Pack = 64;
        /// <summary>"key": configuration key.</summary>
        public const int Key = 128;
        /// <summary>"value": configuration value (string, integer or boolean).</summary>
        public const int Value = 256;
        /// <summary>"code": fault code number.</summary>
        public const int Code = 512;
        /// <summary>Firmware version offered (update.offer).</summary>
        public const int Version = 1024;
        /// <summary>Bundle size in bytes (update.offer).</summary>
        public const int Size = 2048;
        /// <summary>"accepts": the pack standards the vehicle accepts, names separated by commas (swap.authorize).</summary>
        public const int Accepts = 4096;

        /// <summary>Member names, index = bit number.</summary>
        public static readonly string[] Names = { "v", "mid", "cmd", "exp", "by", "vehicle", "pack", "key", "value", "code", "version", "size", "accepts" };

        /// <summary>Members every command takes.</summary>
        public const int Envelope = V | Mid | Cmd | Exp | By;
    }
}
