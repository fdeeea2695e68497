using System;
using Station.Hal;

namespace Station.Core.Cloud
{
    /// <summary>Takes one received command through: strict parsing, applying it to the station (or refusing it), an
    /// audit record of what was asked and what came of it, and the reply. Apart from the link because every command,
    /// whatever its kind, must end in exactly one audit record and at most one reply: one place guarantees it.</summary>
    internal sealed class CommandIntake
    {
        readonly CloudLink _owner;
        readonly CloudSession _session;
        readonly ICloudStation _station;
        readonly IClock _clock;
        readonly CloudUpdateBridge _update;
        readonly CommandParser _parser;
        readonly CloudCommand _command = new CloudCommand();
        int _accepted, _rejected;
        CloudResult _lastResult;

        /// <summary>Commands on <paramref name="owner"/>'s command topic, applied to <paramref name="station"/>.</summary>
        public CommandIntake(CloudLink owner, CloudSession session, ICloudStation station, IClock clock, CloudUpdateBridge update)
        {
            _owner = owner;
            _session = session;
            _station = station;
            _clock = clock;
            _update = update;
            _parser = new CommandParser(owner.Topics.Command);
        }

        /// <summary>Commands accepted since start.</summary>
        public int Accepted { get { return _accepted; } }
        /// <summary>Commands rejected since start.</summary>
        public int Rejected { get { return _rejected; } }
        /// <summary>The last command's result.</summary>
        public CloudResult LastResult { get { return _lastResult; } }

        /// <summary>Parses, applies, audits and answers one received message.</summary>
        public void Handle(string topic, byte[] payload)
        {
            DateTime now = _clock.UtcNow;
            CloudReason parsed = _parser.Parse(topic, payload, 0, payload == null ? 0 : payload.Length, now, now.Year >= 2024, _command);
            CloudResult result;
            if (parsed != CloudReason.Accepted) result = CloudResult.Refuse(parsed, _command.Detail);
            else result = Apply(_command);
            _lastResult = result;
            if (result.Accepted) _accepted++;
            else _rejected++;

            string what = _command.Name != null ? _command.Name : _command.TypedName != null ? "unknown:" + _command.TypedName : "(unparsed)";
            if (_command.Vehicle != null) what = what + " vehicle=" + _command.Vehicle;
            if (_command.Pack != null) what = what + " pack=" + _command.Pack;
            if (_command.Key != null) what = what + " key=" + _command.Key;
            if (_command.Value != null) what = what + " value=" + _command.Value;
            if (_command.Code != 0) what = what + " code=" + _command.Code.ToString();
            if (_command.Version != null) what = what + " version=" + _command.Version + " size=" + _command.Size.ToString();
            if (_command.Mid != null) what = what + " mid=" + _command.Mid;
            _owner.RecordAudit("cloud", _command.By != null ? _command.By : "cloud", what, result.Accepted, result.Reason, result.Message);

            if (parsed == CloudReason.WrongTopic) return; // not ours to answer
            JsonWriter w = _session.BeginLive(CloudWords.Reply);
            if (_command.Mid != null) w.Member(CloudWords.Re, _command.Mid);
            else { w.Name(CloudWords.Re); w.Null(); }
            if (_command.Name != null) w.Member(CloudWords.Cmd, _command.Name);
            w.MemberBool(CloudWords.Ok, result.Accepted);
            w.Member(CloudWords.Reason, CloudReasons.Name(result.Reason));
            w.Member(CloudWords.Code, (int)result.Reason);
            if (result.Message != null) w.Member(CloudWords.Msg, result.Message);
            _session.EndLive(_owner.Topics.Reply, 1, false);
        }

        // The authorisation a parsed swap.authorize names: a car's pack, or a truck's block positions and their standards.
        static SwapAuthorization Booking(CloudCommand c)
        {
            var auth = new SwapAuthorization(c.Vehicle, c.Pack);
            auth.Book(c.Booking);
            return auth;
        }

        CloudResult Apply(CloudCommand c)
        {
            switch (c.Kind)
            {
                case CommandKind.SwapAuthorize:
                    if (!_owner.SwapsAllowed) return CloudResult.Refuse(CloudReason.OutboxFull, _owner.WhyNoSwaps());
                    long validForMs = 0;
                    if (c.HasExpiry) validForMs = (c.Expiry.Ticks - _clock.UtcNow.Ticks) / TimeSpan.TicksPerMillisecond;
                    return _station.Authorize(Booking(c), validForMs);
                case CommandKind.SwapCancel: return _station.Cancel();
                case CommandKind.StationStatus:
                    if (_session.Online) { _session.PublishState(CloudWords.State); _session.PublishTelemetry(); }
                    return CloudResult.Ok(null);
                case CommandKind.StationRebirth:
                    if (_session.Online) _session.Birth(_clock.NowMs, false);
                    return CloudResult.Ok(null);
                case CommandKind.ConfigGet: return _station.GetConfig(c.Key);
                case CommandKind.ConfigSet: return _station.SetConfig(c.Key, c.Value);
                case CommandKind.MaintenanceEnter: return _station.EnterMaintenance();
                case CommandKind.MaintenanceLeave: return _station.LeaveMaintenance();
                case CommandKind.FaultReset: return _station.ResetFault(c.Code);
                case CommandKind.UpdateOffer:
                case CommandKind.UpdateCancel:
                case CommandKind.UpdateQuery: return _update.Apply(c);
            }
            return CloudResult.Refuse(CloudReason.UnknownCommand, c.Name);
        }
    }
}
