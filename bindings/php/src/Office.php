<?php

declare(strict_types=1);

namespace Vanthu;

use FFI\CData;

/**
 * One agency's office, driven event by event (the workflow of docs/workflow.md):
 * each {@see apply()} takes one event of the event log's schema and gives the
 * effects, what the system must do next; {@see snapshot()} gives the state
 * (the `state` of `vanthu replay --json`). The native handle is freed by
 * {@see close()} or, at the latest, when the object is destroyed.
 */
final class Office
{
    private ?CData $handle;

    /**
     * The empty office of the agency `$agency` (its agency id) working under
     * the rules `$rules` (`null`: national; `ho-chi-minh-city`, `phu-nhuan`,
     * `nam-dinh`, `quang-nam`).
     *
     * @throws InvalidArgumentException for an agency id or rule set that is not one
     */
    public function __construct(string $agency, ?string $rules = null)
    {
        $this->handle = Library::officeNew(
            Library::text($agency, 'agency'),
            $rules === null ? null : Library::text($rules, 'rules'),
        );
    }

    /**
     * Applies one event (an array of the log's schema, `['at' => …, 'type' =>
     * …]`, or its JSON text): the effects. A refused event throws a
     * {@see RefusedException} naming its rule and leaves the office unchanged.
     *
     * @param array<string, mixed>|string $event
     * @return list<array<string, mixed>>
     */
    public function apply(array|string $event): array
    {
        return Library::call(
            'office_apply',
            $this->handle(),
            is_string($event) ? Library::text($event, 'event') : Library::encode($event, 'event'),
        );
    }

    /**
     * The office's state.
     *
     * @return array<string, mixed>
     */
    public function snapshot(): array
    {
        return Library::call('office_snapshot', $this->handle());
    }

    /** Frees the native office; later calls throw. Closing twice does nothing. */
    public function close(): void
    {
        if ($this->handle !== null) {
            $handle = $this->handle;
            $this->handle = null;
            Library::officeFree($handle);
        }
    }

    /** Whether {@see close()} was called. */
    public function isClosed(): bool
    {
        return $this->handle === null;
    }

    public function __destruct()
    {
        $this->close();
    }

    /** One handle, one owner: an office is not copied. */
    private function __clone()
    {
    }

    private function handle(): CData
    {
        if ($this->handle === null) {
            throw InvalidArgumentException::of('office: the office is closed', 'tham số office không hợp lệ: văn phòng đã đóng');
        }
        return $this->handle;
    }
}
