using nanoFramework.Runtime.Native;
using Station.Core;
using Station.Core.Journal;
using Station.Hal;
using Station.Hal.Nano;

namespace Station.Device
{
    /// <summary>A board with its adapters open: the bay's ports for the core, plus what the control loop itself drives
    /// (expander refresh and flush, the status LED, the all-off path).</summary>
    public sealed class WiredBoard
    {
        /// <summary>The bay's ports (clock, storage and log are added by Program).</summary>
        public StationIo Io;
        /// <summary>I/O expanders, refreshed before and flushed after every tick.</summary>
        public Mcp23s17[] Expanders;
        /// <summary>Status LED (not a bay port: the loop shows health on it).</summary>
        public IDigitalOutput StatusLed;
        /// <summary>The pack BMS's CAN port (GB/T 27930 at 250 kbit/s), or null when the board has none.</summary>
        public ICanPort PackCan;
        /// <summary>The MCP2515 behind <see cref="PackCan"/> on boards that have one (error counters, bus-off recovery).</summary>
        public Mcp2515CanPort CanChip;
        /// <summary>Truck bay: per block position (index = position - 1) the CAN port of that block's own segment, or null
        /// on a car bay's board.</summary>
        public ICanPort[] BlockCan;
        /// <summary>Why the CAN controller did not start, or null.</summary>
        public string CanProblem;
        /// <summary>Folder of the station's files (journal, configuration).</summary>
        public string StorageFolder;
        /// <summary>True when the board wires an SD card for the cloud outbox (docs/cloud.md, "Sizing").</summary>
        public bool OutboxCardSlot;
        /// <summary>Folder for the cloud outbox on the mounted card (may equal <see cref="StorageFolder"/>), or null when
        /// the card did not mount.</summary>
        public string OutboxCardFolder;
        /// <summary>Why the card did not mount, or null.</summary>
        public string OutboxCardProblem;

        /// <summary>Reads every expander's inputs (start of a tick).</summary>
        public void RefreshInputs()
        {
            for (int i = 0; i < Expanders.Length; i++) Expanders[i].Refresh();
        }

        /// <summary>Writes every expander's outputs (end of a tick).</summary>
        public void FlushOutputs()
        {
            for (int i = 0; i < Expanders.Length; i++) Expanders[i].Flush();
        }

        /// <summary>Last resort when the control loop itself fails: every registered output to its safe level, now, then
        /// every expander pin off. The core's own fault handling does this in normal operation; this path exists for an
        /// exception escaping the core.</summary>
        public void AllOff()
        {
            OutputRegistry outputs = Io.Outputs;
            if (outputs != null) outputs.AllOff();
            for (int i = 0; i < Expanders.Length; i++) Expanders[i].AllOff();
        }

        /// <summary>Restarts the board on purpose: every output off, then <paramref name="why"/> left in the reset journal
        /// (the loader and the next start read it: a watchdog restart counts against an image on probation, an update's
        /// restart does not), then the reboot — which happens even when switching the outputs off threw.</summary>
        public void Restart(ResetReason why)
        {
            try { AllOff(); }
            finally
            {
                new ResetJournal(Io.Storage).MarkIntent(why);
                Power.RebootDevice();
            }
        }
    }
}
