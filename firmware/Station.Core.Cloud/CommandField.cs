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
        /// <summary>"positions": a truck booking's block positions, an array of 1 to 3 distinct integers 1..3 (swap.authorize).</summary>
        public const int Positions = 8192;
        /// <summary>"accepts1": the pack standards block position 1 accepts (swap.authorize; the position must be booked).</summary>
        public const int Accepts1 = 16384;
        /// <summary>"accepts2": the pack standards block position 2 accepts.</summary>
        public const int Accepts2 = 32768;
        /// <summary>"accepts3": the pack standards block position 3 accepts.</summary>
        public const int Accepts3 = 65536;

        /// <summary>Member names, index = bit number.</summary>
        public static readonly string[] Names = { "v", "mid", "cmd", "exp", "by", "vehicle", "pack", "key", "value", "code", "version", "size", "accepts", "positions", "accepts1", "accepts2", "accepts3" };

        /// <summary>The booking terms (<see cref="Station.Core.BookingTerms"/> reads them, as the console's do).</summary>
        public const int Booking = Accepts | Positions | Accepts1 | Accepts2 | Accepts3;

        /// <summary>Members every command takes.</summary>
        public const int Envelope = V | Mid | Cmd | Exp | By;
    }
}
