namespace Station.Core.Cloud
{
    /// <summary>The words of the cloud records and publishes (JSON member names, record types, fixed values). On
    /// nanoFramework every evaluation of a string literal makes a new heap object, while a static readonly field is made
    /// once: the record and publish paths run inside the control period through a swap, so they use these.</summary>
    internal static class CloudWords
    {
        /// <summary>"state"</summary>
        public static readonly string State = "state";
        /// <summary>"telemetry"</summary>
        public static readonly string Telemetry = "telemetry";
        /// <summary>"fault.raised"</summary>
        public static readonly string FaultRaised = "fault.raised";
        /// <summary>"fault.cleared"</summary>
        public static readonly string FaultCleared = "fault.cleared";
        /// <summary>"code"</summary>
        public static readonly string Code = "code";
        /// <summary>"name"</summary>
        public static readonly string Name = "name";
        /// <summary>"detail"</summary>
        public static readonly string Detail = "detail";
        /// <summary>"audit"</summary>
        public static readonly string Audit = "audit";
        /// <summary>"src"</summary>
        public static readonly string Src = "src";
        /// <summary>"by"</summary>
        public static readonly string By = "by";
        /// <summary>"what"</summary>
        public static readonly string What = "what";
        /// <summary>"ok"</summary>
        public static readonly string Ok = "ok";
        /// <summary>"reason"</summary>
        public static readonly string Reason = "reason";
        /// <summary>"link"</summary>
        public static readonly string Link = "link";
        /// <summary>"online"</summary>
        public static readonly string Online = "online";
        /// <summary>"bdSeq"</summary>
        public static readonly string BdSeq = "bdSeq";
        /// <summary>"births"</summary>
        public static readonly string Births = "births";
        /// <summary>"cmdAccepted"</summary>
        public static readonly string CmdAccepted = "cmdAccepted";
        /// <summary>"cmdRejected"</summary>
        public static readonly string CmdRejected = "cmdRejected";
        /// <summary>"cmdDropped"</summary>
        public static readonly string CmdDropped = "cmdDropped";
        /// <summary>"outbox"</summary>
        public static readonly string Outbox = "outbox";
        /// <summary>"pending"</summary>
        public static readonly string Pending = "pending";
        /// <summary>"fillPct"</summary>
        public static readonly string FillPct = "fillPct";
        /// <summary>"usedBytes"</summary>
        public static readonly string UsedBytes = "usedBytes";
        /// <summary>"droppedTelemetry"</summary>
        public static readonly string DroppedTelemetry = "droppedTelemetry";
        /// <summary>"droppedRecords"</summary>
        public static readonly string DroppedRecords = "droppedRecords";
        /// <summary>"corrupt"</summary>
        public static readonly string Corrupt = "corrupt";
        /// <summary>"swapsAllowed"</summary>
        public static readonly string SwapsAllowed = "swapsAllowed";
        /// <summary>"capacityBytes"</summary>
        public static readonly string CapacityBytes = "capacityBytes";
        /// <summary>"storageWarning"</summary>
        public static readonly string StorageWarning = "storageWarning";
        /// <summary>"reply"</summary>
        public static readonly string Reply = "reply";
        /// <summary>"re"</summary>
        public static readonly string Re = "re";
        /// <summary>"cmd"</summary>
        public static readonly string Cmd = "cmd";
        /// <summary>"msg"</summary>
        public static readonly string Msg = "msg";
        /// <summary>"birth"</summary>
        public static readonly string Birth = "birth";
        /// <summary>"fw"</summary>
        public static readonly string Fw = "fw";
        /// <summary>"commit"</summary>
        public static readonly string Commit = "commit";
        /// <summary>"schema"</summary>
        public static readonly string Schema = "schema";
        /// <summary>"v"</summary>
        public static readonly string V = "v";
        /// <summary>"sid"</summary>
        public static readonly string Sid = "sid";
        /// <summary>"mid"</summary>
        public static readonly string Mid = "mid";
        /// <summary>"d"</summary>
        public static readonly string MidDeath = "d";
        /// <summary>"seq"</summary>
        public static readonly string Seq = "seq";
        /// <summary>"ts"</summary>
        public static readonly string Ts = "ts";
        /// <summary>"type"</summary>
        public static readonly string Type = "type";
        /// <summary>"death"</summary>
        public static readonly string Death = "death";
        /// <summary>"b"</summary>
        public static readonly string MidLive = "b";
        /// <summary>"r"</summary>
        public static readonly string MidRecord = "r";
        /// <summary>"e"</summary>
        public static readonly string MidSwapEnd = "e";
        /// <summary>"offline"</summary>
        public static readonly string Offline = "offline";
        /// <summary>"Maintenance"</summary>
        public static readonly string MaintenanceState = "Maintenance";
        /// <summary>"swapState"</summary>
        public static readonly string SwapState = "swapState";
        /// <summary>"fault"</summary>
        public static readonly string Fault = "fault";
        /// <summary>"faultName"</summary>
        public static readonly string FaultName = "faultName";
        /// <summary>"maintenance"</summary>
        public static readonly string Maintenance = "maintenance";
        /// <summary>"consoleHold"</summary>
        public static readonly string ConsoleHold = "consoleHold";
        /// <summary>"swapsToday"</summary>
        public static readonly string SwapsToday = "swapsToday";
        /// <summary>"reset"</summary>
        public static readonly string Reset = "reset";
        /// <summary>"starts"</summary>
        public static readonly string Starts = "starts";
        /// <summary>"swapNo"</summary>
        public static readonly string SwapNo = "swapNo";
        /// <summary>"lastFault"</summary>
        public static readonly string LastFault = "lastFault";
        /// <summary>"lastFaultName"</summary>
        public static readonly string LastFaultName = "lastFaultName";
        /// <summary>"swapsAbortedToday"</summary>
        public static readonly string SwapsAbortedToday = "swapsAbortedToday";
        /// <summary>"swapsCancelledToday"</summary>
        public static readonly string SwapsCancelledToday = "swapsCancelledToday";
        /// <summary>"swapsInterruptedToday"</summary>
        public static readonly string SwapsInterruptedToday = "swapsInterruptedToday";
        /// <summary>"lift"</summary>
        public static readonly string Lift = "lift";
        /// <summary>"posMm"</summary>
        public static readonly string PosMm = "posMm";
        /// <summary>"homed"</summary>
        public static readonly string Homed = "homed";
        /// <summary>"packContact"</summary>
        public static readonly string PackContact = "packContact";
        /// <summary>"lateTicks"</summary>
        public static readonly string LateTicks = "lateTicks";
        /// <summary>"longestTickGapMs"</summary>
        public static readonly string LongestTickGapMs = "longestTickGapMs";
        /// <summary>"locks"</summary>
        public static readonly string Locks = "locks";
        /// <summary>"locked"</summary>
        public static readonly string Locked = "locked";
        /// <summary>"unlocked"</summary>
        public static readonly string Unlocked = "unlocked";
        /// <summary>"between"</summary>
        public static readonly string Between = "between";
        /// <summary>"interlocks"</summary>
        public static readonly string Interlocks = "interlocks";
        /// <summary>"estopReleased"</summary>
        public static readonly string EstopReleased = "estopReleased";
        /// <summary>"curtainClear"</summary>
        public static readonly string CurtainClear = "curtainClear";
        /// <summary>"doorsClosed"</summary>
        public static readonly string DoorsClosed = "doorsClosed";
        /// <summary>"vehicle"</summary>
        public static readonly string Vehicle = "vehicle";
        /// <summary>"relayOk"</summary>
        public static readonly string RelayOk = "relayOk";
        /// <summary>"rack"</summary>
        public static readonly string Rack = "rack";
        /// <summary>"pack"</summary>
        public static readonly string Pack = "pack";
        /// <summary>"soc"</summary>
        public static readonly string Soc = "soc";
        /// <summary>"swap"</summary>
        public static readonly string Swap = "swap";
        /// <summary>"no"</summary>
        public static readonly string No = "no";
        /// <summary>"bay" (schema 2: which bay's record)</summary>
        public static readonly string Bay = "bay";
        /// <summary>"car"</summary>
        public static readonly string Car = "car";
        /// <summary>"truck"</summary>
        public static readonly string Truck = "truck";
        /// <summary>"blocks" (schema 2: a truck swap's block swaps)</summary>
        public static readonly string Blocks = "blocks";
        /// <summary>"pos"</summary>
        public static readonly string Position = "pos";
        /// <summary>"verdict"</summary>
        public static readonly string Verdict = "verdict";
        /// <summary>"passed"</summary>
        public static readonly string Passed = "passed";
        /// <summary>"failed"</summary>
        public static readonly string Failed = "failed";
        /// <summary>"packOut"</summary>
        public static readonly string PackOut = "packOut";
        /// <summary>"packIn"</summary>
        public static readonly string PackIn = "packIn";
        /// <summary>"socOut"</summary>
        public static readonly string SocOut = "socOut";
        /// <summary>"socIn"</summary>
        public static readonly string SocIn = "socIn";
        /// <summary>"slot"</summary>
        public static readonly string Slot = "slot";
        /// <summary>"start"</summary>
        public static readonly string Start = "start";
        /// <summary>"steps"</summary>
        public static readonly string Steps = "steps";
        /// <summary>"step"</summary>
        public static readonly string Step = "step";
        /// <summary>"startMs"</summary>
        public static readonly string StartMs = "startMs";
        /// <summary>"endMs"</summary>
        public static readonly string EndMs = "endMs";
        /// <summary>"faults"</summary>
        public static readonly string Faults = "faults";
        /// <summary>"outcome"</summary>
        public static readonly string Outcome = "outcome";
        /// <summary>"unknown"</summary>
        public static readonly string Unknown = "unknown";
        /// <summary>"end"</summary>
        public static readonly string End = "end";
        /// <summary>"interruptedStep"</summary>
        public static readonly string InterruptedStep = "interruptedStep";
        /// <summary>"bmsVerified"</summary>
        public static readonly string BmsVerified = "bmsVerified";
        /// <summary>"standardIn": the installed pack's standard (only when the record knows it).</summary>
        public static readonly string StandardIn = "standardIn";
        /// <summary>"swap.unknown"</summary>
        public static readonly string SwapUnknown = "swap.unknown";
        /// <summary>"null"</summary>
        public static readonly string Null = "null";
        /// <summary>"9223372036854775808"</summary>
        public static readonly string LongMinMagnitude = "9223372036854775808";
        /// <summary>"true"</summary>
        public static readonly string True = "true";
        /// <summary>"false"</summary>
        public static readonly string False = "false";
        /// <summary>"\u00"</summary>
        public static readonly string ControlEscape = "\\u00";
        /// <summary>"\ufffd"</summary>
        public static readonly string Replacement = "\\ufffd";
    }
}
