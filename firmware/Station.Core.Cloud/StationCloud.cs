using System;
using Station.Core.Config;
using Station.Hal;

namespace Station.Core.Cloud
{
    /// <summary>The station as the cloud sees it: wires a <see cref="StationController"/> to a <see cref="CloudLink"/>.
    /// Swap events and fault changes become journaled records; cloud commands become controller commands, with the
    /// controller's refusals mapped to reason codes; state and telemetry snapshots come from the controller.</summary>
    /// <remarks>
    /// Remote maintenance is this class's own flag, separate from the technician's console hold
    /// (<see cref="StationController.MaintenanceHold"/>): the cloud can never lift a hold a technician in the bay set.
    /// Authorisations from the console should go through <see cref="AuthorizeLocal"/> so the outbox limit and
    /// maintenance apply to them too, and the audit trail records who asked.
    /// </remarks>
    public sealed class StationCloud : ICloudStation, ICloudPayload
    {
        static readonly string[] EventTypes = { "swap.started", "swap.step", "swap.completed", "swap.held", "swap.aborted" };
        // The end of a swap that did not complete, by SwapOutcome: each swap ends in exactly one record.
        static readonly string[] EndTypes = { "swap.aborted", "swap.completed", "swap.cancelled", "swap.aborted", "swap.interrupted" };
        static readonly string[] OutcomeNames = { "in_progress", "completed", "cancelled", "aborted", "interrupted" };

        StationController _controller;
        readonly IClock _clock;
        ConfigValues _values;
        readonly ConfigValues _before;
        ConfigFile _file;
        long _saltCounter;
        CloudLink _link;
        SwapRecord _eventRecord;
        bool _maintenance;
        int _swapsToday;
        readonly int[] _endsToday = new int[5]; // by SwapOutcome
        int _dayOfYear = -1;
        int _lastFault;
        string _lastFaultName = "None";

        /// <summary>Wraps <paramref name="controller"/> with a configuration of its own, built from the controller's
        /// (nothing stored: a station without a console); call <see cref="Attach"/> with the link.</summary>
        public StationCloud(StationController controller, IClock clock) : this(controller, clock, null, null)
        {
        }

        /// <summary>Wraps <paramref name="controller"/>; config.get/set read and change <paramref name="values"/> — the
        /// console's own ConfigValues, so both see one table — and a set is saved at once to <paramref name="file"/>
        /// when given. Null values: a configuration of its own, built from the controller's.</summary>
        public StationCloud(StationController controller, IClock clock, ConfigValues values, ConfigFile file)
        {
            _controller = controller;
            _clock = clock;
            if (values == null)
            {
                values = new ConfigValues();
                ConfigMapping.FromStationConfig(controller.Config, values);
                values.Unsaved = false;
            }
            _values = values;
            _before = new ConfigValues();
            _file = file;
        }

        /// <summary>The configuration keys config.get/set work on (ConfigTable).</summary>
        public ConfigValues Values { get { return _values; } }

        /// <summary>Subscribes to the controller's events and journals them through <paramref name="link"/>; when the link
        /// has started, appends a swap end the outbox missed (<see cref="RecoverSwapEnd"/>; else the link's Start does).</summary>
        public void Attach(CloudLink link)
        {
            _link = link;
            // The outbox limit holds for every authorisation, console included, not only the cloud's.
            _controller.Admission = link;
            _controller.SwapEvent += OnSwapEvent;
            _controller.FaultChanged += OnFaultChanged;
            RecoverSwapEnd();
        }

        /// <summary>Moves to a new controller (after a reboot the device builds a new one on the same storage).</summary>
        public void Bind(StationController controller)
        {
            if (_link != null)
            {
                _controller.SwapEvent -= OnSwapEvent;
                _controller.FaultChanged -= OnFaultChanged;
            }
            _controller = controller;
            _controller.RemoteMaintenance = _maintenance;
            if (_link != null)
            {
                _controller.Admission = _link;
                _controller.SwapEvent += OnSwapEvent;
                _controller.FaultChanged += OnFaultChanged;
                RecoverSwapEnd();
            }
        }

        /// <summary>Moves to a new controller and the console's new configuration (after a reboot).</summary>
        public void Bind(StationController controller, ConfigValues values, ConfigFile file)
        {
            Bind(controller);
            if (values != null) _values = values;
            _file = file;
        }

        /// <summary>True while remote maintenance is on.</summary>
        public bool Maintenance { get { return _maintenance; } }
        /// <summary>Swaps completed since UTC midnight.</summary>
        public int SwapsToday { get { RollDay(); return _swapsToday; } }

        /// <summary>Swaps that ended with <paramref name="outcome"/> since UTC midnight (Completed is <see cref="SwapsToday"/>).</summary>
        public int EndedToday(SwapOutcome outcome)
        {
            RollDay();
            int o = (int)outcome;
            return o >= 0 && o < _endsToday.Length ? _endsToday[o] : 0;
        }

        /// <summary>An authorisation from the console or a local operator: same limits as the cloud's (outbox,
        /// maintenance), audited with <paramref name="who"/>.</summary>
        public CloudResult AuthorizeLocal(SwapAuthorization auth, string who)
        {
            // Outbox, maintenance and every other check are the controller's admission chain, as for the cloud's.
            CloudResult r = Map(_controller.Authorize(auth));
            if (_link != null)
                _link.RecordAudit("console", who, "swap.authorize vehicle=" + auth.VehicleId + (auth.PackSerial != null ? " pack=" + auth.PackSerial : ""), r.Accepted, r.Reason, r.Message);
            return r;
        }

        /// <summary>Journals one technician console command as an audit record; matches
        /// <c>Console.ConsoleAuditHandler</c>, so the wiring is <c>console.Audit += stationCloud.AuditConsole</c>.</summary>
        public void AuditConsole(long atMs, string command, bool accepted, string result)
        {
            if (_link == null) return;
            // Console output can be long (status pages); the audit keeps its first line, bounded.
            string detail = result;
            if (detail != null)
            {
                int nl = detail.IndexOf('\n');
                if (nl >= 0) detail = detail.Substring(0, nl);
                if (detail.Length > 160) detail = detail.Substring(0, 160);
            }
            _link.RecordAudit("console", "technician", command, accepted, accepted ? CloudReason.Accepted : CloudReason.Refused, detail);
        }

        /// <summary>Authorise one swap for a vehicle that names no pack standard (any).</summary>
        public CloudResult Authorize(string vehicle, string pack, long validForMs) { return Authorize(vehicle, pack, 0, validForMs); }

        /// <summary>Authorise one swap for a vehicle that accepts the standards in <paramref name="acceptedStandards"/> (0 = any).</summary>
        public CloudResult Authorize(string vehicle, string pack, int acceptedStandards, long validForMs)
        {
            var auth = new SwapAuthorization(vehicle, pack);
            auth.AcceptedStandards = acceptedStandards;
            return Authorize(auth, validForMs);
        }

        /// <inheritdoc />
        public CloudResult Authorize(SwapAuthorization auth, long validForMs)
        {
            if (validForMs > 0) auth.ExpiresAtMs = _clock.NowMs + validForMs;
            return Map(_controller.Authorize(auth));
        }

        /// <inheritdoc />
        public CloudResult Cancel() { return Map(_controller.Cancel()); }

        /// <inheritdoc />
        public CloudResult ResetFault(int code)
        {
            FaultCode latched = _controller.LatchedFault;
            if (latched == FaultCode.None) return CloudResult.Refuse(CloudReason.NoSuchFault, "no fault is latched");
            if ((int)latched != code)
                return CloudResult.Refuse(CloudReason.NoSuchFault, "latched fault is " + ((int)latched).ToString() + " " + FaultCatalogue.Name(latched));
            if (!FaultCatalogue.RemotelyResettable(latched))
                return CloudResult.Refuse(CloudReason.NotRemotelyResettable, FaultCatalogue.Name(latched) + ": " + FaultCatalogue.Action(latched));
            return Map(_controller.ResetFault());
        }

        /// <inheritdoc />
        public CloudResult EnterMaintenance()
        {
            if (SwapStates.IsIn(_controller.State, SwapState.Swapping)) return CloudResult.Refuse(CloudReason.Busy, "a swap is under way");
            _maintenance = true;
            _controller.RemoteMaintenance = true;
            return CloudResult.Ok("maintenance on: no new swaps");
        }

        /// <inheritdoc />
        public CloudResult LeaveMaintenance()
        {
            _maintenance = false;
            _controller.RemoteMaintenance = false;
            return CloudResult.Ok(_controller.MaintenanceHold ? "remote maintenance off; the technician's console hold remains" : "maintenance off");
        }

        /// <inheritdoc />
        /// <remarks>Any ConfigTable key; the value in its stored form (numbers bare, in the key's unit); the PIN is never
        /// shown.</remarks>
        public CloudResult GetConfig(string key)
        {
            int index = ConfigTable.IndexOf(key);
            if (index < 0) return UnknownKey(key);
            ConfigKey k = ConfigTable.Keys[index];
            return CloudResult.Ok(k.Kind == ConfigKind.PinHash ? _values.Show(index) : _values.Stored(index));
        }

        /// <inheritdoc />
        /// <remarks>
        /// The console's rules, through the same table: same keys, parsing, ranges and refusal texts (with the range);
        /// like the console's <c>maint enter</c>, a change needs remote maintenance (no swap runs then) and is refused
        /// while a technician holds the station in console maintenance. Keys marked site-only (station id, broker,
        /// console security, the PIN hash) are refused with not_remotely_settable. An accepted value is applied like a
        /// console set (live keys now, the others at the next start) and, with a file, saved at once; if the save fails
        /// the change is undone: never half-applied.
        /// </remarks>
        public CloudResult SetConfig(string key, string value)
        {
            int index = ConfigTable.IndexOf(key);
            if (index < 0) return UnknownKey(key);
            ConfigKey k = ConfigTable.Keys[index];
            if (!k.RemotelySettable) return CloudResult.Refuse(CloudReason.NotRemotelySettable, k.Name + ": set on site only: " + k.SiteOnlyReason);
            if (_controller.MaintenanceHold) return CloudResult.Refuse(CloudReason.Refused, "a technician holds the station in maintenance (console)");
            if (SwapStates.IsIn(_controller.State, SwapState.Swapping)) return CloudResult.Refuse(CloudReason.Busy, "a swap is under way");
            if (!_maintenance) return CloudResult.Refuse(CloudReason.NotInMaintenance, "configuration changes need maintenance: send maintenance.enter first");
            if (_file != null && _values.Unsaved) return CloudResult.Refuse(CloudReason.Refused, "the console has unsaved configuration changes: save or discard them on site first");
            _before.CopyFrom(_values);
            _saltCounter++;
            string error = _values.TrySet(index, value, _clock.NowMs ^ (_saltCounter << 20));
            if (error != null) return CloudResult.Refuse(CloudReason.OutOfRange, error);
            string applied = ConfigMapping.Apply(_values, _controller.Config);
            if (applied != null)
            {
                _values.CopyFrom(_before);
                return CloudResult.Refuse(CloudReason.OutOfRange, k.Name + ": " + applied);
            }
            if (_file != null)
            {
                if (!_file.Save(_values))
                {
                    _values.CopyFrom(_before);
                    _values.Unsaved = false;
                    ConfigMapping.ApplyLive(_values, _controller.Config);
                    return CloudResult.Refuse(CloudReason.Refused, "the storage refused the write; nothing changed");
                }
            }
            return CloudResult.Ok(k.Name + " = " + _values.Show(index) + " (" + ConfigMapping.AppliedText
                + (_file != null ? "; stored)" : "; not stored: this station keeps no configuration file)"));
        }

        static CloudResult UnknownKey(string key)
        {
            return CloudResult.Refuse(CloudReason.UnknownKey, "unknown key '" + key + "'; the keys are ConfigTable's (docs/console.md)");
        }

        /// <inheritdoc />
        public string StateName { get { return _maintenance || _controller.MaintenanceHold ? CloudWords.MaintenanceState : SwapStates.Name(_controller.State); } }

        /// <inheritdoc />
        public void WriteState(JsonWriter w)
        {
            w.Member(CloudWords.State, StateName);
            w.Member(CloudWords.SwapState, SwapStates.Name(_controller.State));
            w.Member(CloudWords.Fault, (int)_controller.LatchedFault);
            w.Member(CloudWords.FaultName, FaultCatalogue.Name(_controller.LatchedFault));
            w.MemberBool(CloudWords.Maintenance, _maintenance);
            w.MemberBool(CloudWords.ConsoleHold, _controller.MaintenanceHold);
            w.Member(CloudWords.SwapsToday, SwapsToday);
            w.Member(CloudWords.Reset, ResetReasons.Name(_controller.LastReset));
            w.Member(CloudWords.Starts, _controller.Resets.Starts);
            SwapRecord current = _controller.CurrentSwap;
            if (current != null) w.Member(CloudWords.SwapNo, current.SwapId);
        }

        /// <inheritdoc />
        public void WriteTelemetry(JsonWriter w)
        {
            WriteState(w);
            w.Member(CloudWords.LastFault, _lastFault);
            w.Member(CloudWords.LastFaultName, _lastFaultName);
            w.Member(CloudWords.SwapsAbortedToday, EndedToday(SwapOutcome.Aborted));
            w.Member(CloudWords.SwapsCancelledToday, EndedToday(SwapOutcome.Cancelled));
            w.Member(CloudWords.SwapsInterruptedToday, EndedToday(SwapOutcome.Interrupted));
            w.Name(CloudWords.Lift);
            w.BeginObject();
            w.Member(CloudWords.PosMm, (long)_controller.Lift.PositionMm);
            w.MemberBool(CloudWords.Homed, _controller.Lift.IsHomed);
            w.MemberBool(CloudWords.PackContact, _controller.Lift.AtPackContact);
            w.EndObject();
            w.Member(CloudWords.LateTicks, _controller.Sequencer.LateTicks);
            w.Member(CloudWords.LongestTickGapMs, _controller.Sequencer.LongestTickGapMs);
            w.Name(CloudWords.Locks);
            w.BeginArray();
            for (int i = 0; i < _controller.Locks.Count; i++)
                w.String(_controller.Locks.IsLocked(i) ? CloudWords.Locked : _controller.Locks.IsUnlocked(i) ? CloudWords.Unlocked : CloudWords.Between);
            w.EndArray();
            w.Name(CloudWords.Interlocks);
            w.BeginObject();
            w.MemberBool(CloudWords.EstopReleased, _controller.Interlocks.EStopReleased);
            w.MemberBool(CloudWords.CurtainClear, _controller.Interlocks.LightCurtainClear);
            w.MemberBool(CloudWords.DoorsClosed, _controller.Interlocks.DoorsClosed);
            w.MemberBool(CloudWords.Vehicle, _controller.Interlocks.VehiclePositioned);
            w.MemberBool(CloudWords.RelayOk, _controller.Interlocks.SafetyRelayOk);
            w.EndObject();
            w.Name(CloudWords.Rack);
            w.BeginArray();
            PackInventory inv = _controller.Inventory;
            for (int i = 0; i < inv.SlotCount; i++)
            {
                PackRecord p = inv.Slot(i);
                if (p.IsEmpty) { w.Null(); continue; }
                w.BeginObject();
                w.Member(CloudWords.Pack, p.Serial);
                w.Member(CloudWords.Soc, p.SocPct);
                w.EndObject();
            }
            w.EndArray();
        }

        /// <summary>Writes the swap record of the event being journaled (ICloudPayload).</summary>
        public void WriteMembers(JsonWriter w)
        {
            SwapRecord r = _eventRecord;
            w.Name(CloudWords.Swap);
            w.BeginObject();
            w.Member(CloudWords.No, r.SwapId);
            w.Member(CloudWords.Vehicle, r.VehicleId);
            w.Member(CloudWords.PackOut, r.PackOutSerial);
            w.Member(CloudWords.PackIn, r.PackInSerial);
            w.Member(CloudWords.SocOut, r.PackOutSocPct);
            w.Member(CloudWords.SocIn, r.PackInSocPct);
            // Only when known: a station that names no standards keeps writing the records it always wrote.
            if (r.PackInStandard != PackStandard.Unspecified) w.Member(CloudWords.StandardIn, PackStandards.Name(r.PackInStandard));
            w.Member(CloudWords.Slot, r.SourceSlot);
            w.MemberUtc(CloudWords.Start, r.StartUtc);
            w.Name(CloudWords.Steps);
            w.BeginArray();
            for (int i = 0; i < SwapStates.Count; i++)
            {
                if (r.StepStartMs[i] < 0) continue;
                w.BeginObject();
                w.Member(CloudWords.Step, SwapStates.Name((SwapState)i));
                w.Member(CloudWords.StartMs, r.StepStartMs[i]);
                if (r.StepEndMs[i] >= 0) w.Member(CloudWords.EndMs, r.StepEndMs[i]);
                w.EndObject();
            }
            w.EndArray();
            w.Name(CloudWords.Faults);
            w.BeginArray();
            int n = r.FaultCount < SwapRecord.MaxFaults ? r.FaultCount : SwapRecord.MaxFaults;
            for (int i = 0; i < n; i++) w.Number((int)r.Faults[i]);
            w.EndArray();
            int o = (int)r.Outcome;
            w.Member(CloudWords.Outcome, o >= 0 && o < OutcomeNames.Length ? OutcomeNames[o] : CloudWords.Unknown);
            if (r.Outcome != SwapOutcome.InProgress) w.MemberUtc(CloudWords.End, r.EndUtc);
            if (r.Outcome == SwapOutcome.Aborted || r.Outcome == SwapOutcome.Interrupted)
                w.Member(CloudWords.InterruptedStep, SwapStates.Name(r.InterruptedStep));
            w.MemberBool(CloudWords.BmsVerified, SwapBlocksWriter.BmsVerified(r));
            SwapBlocksWriter.Write(w, r);
            w.EndObject();
        }

        void OnSwapEvent(SwapEventKind kind, SwapState state, SwapRecord record)
        {
            if (record == null) return; // the core never sends one; a swap event without its record says nothing
            int o = (int)record.Outcome;
            bool ended = kind == SwapEventKind.Completed || kind == SwapEventKind.Aborted;
            if (ended)
            {
                RollDay();
                if (kind == SwapEventKind.Completed) _swapsToday++;
                else if (o >= 0 && o < _endsToday.Length) _endsToday[o]++;
            }
            if (_link == null) return;
            int k = (int)kind;
            string type = kind == SwapEventKind.Aborted && o >= 0 && o < EndTypes.Length ? EndTypes[o]
                : k >= 0 && k < EventTypes.Length ? EventTypes[k] : CloudWords.SwapUnknown;
            _eventRecord = record;
            if (ended) _link.RecordSwapEnd(type, this, record.SwapId, record.StartUtc);
            else _link.RecordEvent(type, this);
            _eventRecord = null;
        }

        /// <summary>The link opened its outbox: appends a swap end it missed (<see cref="RecoverSwapEnd"/>).</summary>
        public void LinkStarted() { RecoverSwapEnd(); }

        /// <summary>After a boot, once the link has opened its outbox: when the journal's last ended swap has no end
        /// record in the outbox yet (the power was cut between the journal's write and the outbox's append), appends it
        /// now, with the same message id it would have had. Idempotent: does nothing when the ledger has it.</summary>
        public void RecoverSwapEnd()
        {
            if (_link == null || !_link.Started) return;
            SwapRecord r = _controller.LastSwap;
            if (r == null || r.Outcome == SwapOutcome.InProgress || r.SwapId <= _link.SwapEnds.LastRecorded()) return;
            int o = (int)r.Outcome;
            if (o < 0 || o >= EndTypes.Length) return;
            _eventRecord = r;
            _link.RecordSwapEnd(EndTypes[o], this, r.SwapId, r.StartUtc);
            _eventRecord = null;
        }

        void OnFaultChanged(FaultCode code, bool raised)
        {
            if (raised) { _lastFault = (int)code; _lastFaultName = FaultCatalogue.Name(code); }
            if (_link != null) _link.RecordFault(raised, (int)code, FaultCatalogue.Name(code), raised ? FaultCatalogue.Meaning(code) : null);
        }

        void RollDay()
        {
            DateTime now = _clock.UtcNow;
            if (now.DayOfYear != _dayOfYear)
            {
                _dayOfYear = now.DayOfYear;
                _swapsToday = 0;
                for (int i = 0; i < _endsToday.Length; i++) _endsToday[i] = 0;
            }
        }

        static CloudResult Map(CommandResult r)
        {
            if (r.Accepted) return CloudResult.Ok(r.Message);
            CloudReason reason;
            switch (r.Reason)
            {
                case RejectReason.InterlockOpen:
                case RejectReason.NoVehicle:
                case RejectReason.NotHomed:
                case RejectReason.FaultLatched:
                case RejectReason.RecoveryPending:
                case RejectReason.InventoryMismatch:
                case RejectReason.PackInTransit:
                case RejectReason.LatchesBetween:
                    reason = CloudReason.UnsafeState;
                    break;
                case RejectReason.WrongState:
                case RejectReason.TooLateToCancel:
                    reason = CloudReason.Busy;
                    break;
                case RejectReason.BadAuthorization:
                    reason = CloudReason.OutOfRange;
                    break;
                case RejectReason.OutboxFull:
                    reason = CloudReason.OutboxFull;
                    break;
                default:
                    reason = CloudReason.Refused;
                    break;
            }
            return CloudResult.Refuse(reason, r.Message);
        }
    }
}
