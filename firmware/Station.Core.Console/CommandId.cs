namespace Station.Core.Console
{
    /// <summary>Identity of a console command row; the console dispatches on it.</summary>
    public enum CommandId
    {
        /// <summary><c>status</c></summary>
        Status = 0,
        /// <summary><c>why</c></summary>
        Why,
        /// <summary><c>faults</c></summary>
        Faults,
        /// <summary><c>fault reset N</c></summary>
        FaultReset,
        /// <summary><c>lift jog ±mm</c></summary>
        LiftJog,
        /// <summary><c>home</c></summary>
        Home,
        /// <summary><c>bms show</c></summary>
        BmsShow,
        /// <summary><c>rack show</c></summary>
        RackShow,
        /// <summary><c>rack set SLOT SERIAL SOC STATE</c></summary>
        RackSet,
        /// <summary><c>rack clear SLOT</c></summary>
        RackClear,
        /// <summary><c>pack place PLACE SERIAL|none [SOC]</c></summary>
        PackPlace,
        /// <summary><c>conveyor stage</c></summary>
        ConveyorStage,
        /// <summary><c>config show</c></summary>
        ConfigShow,
        /// <summary><c>config get KEY</c></summary>
        ConfigGet,
        /// <summary><c>config set KEY VALUE</c></summary>
        ConfigSet,
        /// <summary><c>config save</c></summary>
        ConfigSave,
        /// <summary><c>config default</c></summary>
        ConfigDefault,
        /// <summary><c>maint enter PIN</c></summary>
        MaintEnter,
        /// <summary><c>maint exit</c></summary>
        MaintExit,
        /// <summary><c>selftest</c></summary>
        SelfTest,
        /// <summary><c>log tail [N]</c></summary>
        LogTail,
        /// <summary><c>recover confirm</c></summary>
        RecoverConfirm,
        /// <summary><c>swap authorize VEHICLE [PACK] [positions P,P] [accepts S,S] [accepts1..3 S,S]</c></summary>
        SwapAuthorize,
        /// <summary><c>swap cancel</c></summary>
        SwapCancel,
        /// <summary><c>stop</c></summary>
        Stop,
        /// <summary><c>help [NOUN]</c></summary>
        Help,
        /// <summary><c>version</c></summary>
        Version,
        /// <summary><c>exit</c></summary>
        Exit,
        /// <summary><c>quit</c> (the same as exit)</summary>
        Quit,
        /// <summary><c>swap history</c></summary>
        SwapHistory,
        /// <summary><c>locks engage</c></summary>
        LocksEngage,
        /// <summary><c>robot jog</c> (a truck bay's robot axes)</summary>
        RobotJog,
    }
}
