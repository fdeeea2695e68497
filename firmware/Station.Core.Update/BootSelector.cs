namespace Station.Core.Update
{
    /// <summary>The loader's decisions, kept here so they are tested on the host; the board's loader only persists
    /// the record and loads the chosen slot's assemblies.</summary>
    public static class BootSelector
    {
        /// <summary>Chooses the slot to boot and counts the boot: a trial image gets <see cref="BootRecord.MaxBoots"/>
        /// starts (any reset before it is confirmed — crash, hang, watchdog, power cut — uses one up), then the loader
        /// returns to the confirmed image. The caller saves the record before loading the slot.</summary>
        public static int Choose(BootRecord record, bool lastResetWasWatchdog)
        {
            if (record.TrialSlot < 0) return record.ConfirmedSlot;
            if (record.TrialBoots >= record.MaxBoots)
            {
                RollBack(record, lastResetWasWatchdog ? UpdateReason.WatchdogReset : UpdateReason.BootsExhausted);
                return record.ConfirmedSlot;
            }
            record.TrialBoots++;
            return record.TrialSlot;
        }

        /// <summary>The chosen slot could not be loaded: the next one to try (trial → confirmed → factory); never none.</summary>
        public static int LoadFailed(BootRecord record, int slot)
        {
            if (slot == BootRecord.Factory) return BootRecord.Factory; // the deployed image: nothing below it
            if (slot == record.TrialSlot)
            {
                RollBack(record, UpdateReason.ImageUnloadable);
                return record.ConfirmedSlot;
            }
            record.ConfirmedSlot = BootRecord.Factory;
            record.ConfirmedVersion = 0;
            record.LastOutcome = UpdateReason.ImageUnloadable;
            return BootRecord.Factory;
        }

        /// <summary>Names a verified slot as the trial image for the next boot.</summary>
        public static void StartTrial(BootRecord record, int slot, long version)
        {
            record.TrialSlot = slot;
            record.TrialVersion = version;
            record.TrialBoots = 0;
            record.LastOutcome = UpdateReason.None;
        }

        /// <summary>Probation passed: the trial image becomes the confirmed one.</summary>
        public static void Confirm(BootRecord record)
        {
            if (record.TrialSlot < 0) return;
            record.ConfirmedSlot = record.TrialSlot;
            record.ConfirmedVersion = record.TrialVersion;
            record.TrialSlot = -1;
            record.TrialBoots = 0;
            record.LastOutcome = UpdateReason.None;
        }

        /// <summary>Ends the trial; the confirmed image boots next.</summary>
        public static void RollBack(BootRecord record, UpdateReason why)
        {
            record.TrialSlot = -1;
            record.TrialBoots = 0;
            record.LastOutcome = why;
        }
    }
}
