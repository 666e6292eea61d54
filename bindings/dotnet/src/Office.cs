using System;

namespace Vanthu
{
    /// <summary>
    /// One agency's office, driven event by event (the workflow of Nghị định 30/2020/NĐ-CP): apply events of the log
    /// schema, get the effects (what the system must do next), take a snapshot of the state. Holds a native handle:
    /// dispose it (<c>using</c>); a handle not disposed is freed by its finaliser. An office may be used from several
    /// threads: its calls take turns.
    /// </summary>
    public sealed class Office : IDisposable
    {
        private readonly OfficeHandle handle;

        /// <summary>The empty office of the agency <paramref name="agency"/> (its agency id), working under
        /// <paramref name="rules"/> (null: national; <c>ho-chi-minh-city</c>, <c>phu-nhuan</c>, <c>nam-dinh</c>,
        /// <c>quang-nam</c>).</summary>
        public Office(string agency, string rules = null)
        {
            byte[] a = Utf8.Required(agency, "agency");
            byte[] r = Utf8.Encode(rules, "rules");
            OfficeHandle made;
            VanthuStringHandle error;
            int status = Native.vanthu_office_new(a, r, out made, out error);
            using (error)
            {
                if (status != 0)
                {
                    made.Dispose();
                    throw VanthuException.FromJson(status, error.Read());
                }
            }
            handle = made;
        }

        /// <summary>Applies one event (JSON of the log's schema: <c>{"at": …, "type": …}</c>): the effects. A refused
        /// event is a <see cref="RefusedException"/> (its rule says why) and leaves the office unchanged.</summary>
        public ResultList<Effect> Apply(string eventJson)
        {
            byte[] e = Utf8.Required(eventJson, "event");
            OfficeHandle h = Live();
            return Vanthu.List<Effect>(Vanthu.Run(
                (out VanthuStringHandle json, out VanthuStringHandle error) =>
                    Native.vanthu_office_apply(h, e, out json, out error)));
        }

        /// <summary>The office's state (the <c>state</c> of <see cref="Vanthu.Replay"/>).</summary>
        public OfficeState Snapshot()
        {
            OfficeHandle h = Live();
            return Vanthu.Object<OfficeState>(Vanthu.Run(
                (out VanthuStringHandle json, out VanthuStringHandle error) =>
                    Native.vanthu_office_snapshot(h, out json, out error)));
        }

        /// <summary>Frees the native office; calls after this throw <see cref="ObjectDisposedException"/>.</summary>
        public void Dispose()
        {
            handle.Dispose();
        }

        private OfficeHandle Live()
        {
            if (handle.IsClosed)
            {
                throw new ObjectDisposedException("Office");
            }
            return handle;
        }
    }
}
