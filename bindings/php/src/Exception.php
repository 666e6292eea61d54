<?php

declare(strict_types=1);

namespace Vanthu;

/**
 * An error of vanthu (docs/bindings.md §2): `getCode()` is its stable number,
 * `kind()` its name, `getMessage()` and `messageVi()` say what went wrong in
 * English and Vietnamese, `rule()` and `location()` name the rule that refused
 * the input and where, when known. Each kind has its subclass
 * ({@see RefusedException} for code 4, …).
 */
class Exception extends \RuntimeException
{
    /** The subclass of each code. */
    private const CLASSES = [
        1 => InvalidArgumentException::class,
        2 => IoException::class,
        3 => UnreadableException::class,
        4 => RefusedException::class,
        5 => TrustException::class,
        6 => NothingToCheckException::class,
        7 => NoSuchDateException::class,
        8 => UnknownEncodingException::class,
        9 => SigningException::class,
        99 => InternalException::class,
    ];

    /** The code of each subclass's kind. */
    protected const CODE = 0;

    /** The kind of each subclass. */
    protected const KIND = '';

    /**
     * @param array<string, mixed>|null $location
     */
    final protected function __construct(
        string $message,
        int $code,
        private readonly string $kind,
        private readonly string $messageVi,
        private readonly ?string $rule = null,
        private readonly ?array $location = null,
        ?\Throwable $previous = null,
    ) {
        parent::__construct($message, $code, $previous);
    }

    /**
     * The exception of an error as vanthu gives it:
     * `{code, kind, message, message_vi, rule?, location?}`.
     *
     * @param array<string, mixed> $error
     */
    public static function fromArray(array $error): self
    {
        $code = (int) ($error['code'] ?? 99);
        $class = self::CLASSES[$code] ?? self::class;
        return new $class(
            (string) ($error['message'] ?? ''),
            $code,
            (string) ($error['kind'] ?? ''),
            (string) ($error['message_vi'] ?? ''),
            isset($error['rule']) ? (string) $error['rule'] : null,
            isset($error['location']) && is_array($error['location']) ? $error['location'] : null,
        );
    }

    /**
     * An error the binding itself finds, of this subclass's kind.
     *
     * @internal
     */
    public static function of(string $message, string $messageVi, ?\Throwable $previous = null): static
    {
        return new static($message, static::CODE, static::KIND, $messageVi, null, null, $previous);
    }

    /** The kind: `invalid_argument`, `io`, `unreadable`, `refused`, … */
    public function kind(): string
    {
        return $this->kind;
    }

    /** The message in Vietnamese. */
    public function messageVi(): string
    {
        return $this->messageVi;
    }

    /** The id of the rule that refused the input (`EDXML-XML-010`), when there is one. */
    public function rule(): ?string
    {
        return $this->rule;
    }

    /**
     * Where in the input: `offset`, `line`, `column` (the keys vanthu gives),
     * when known.
     *
     * @return array<string, mixed>|null
     */
    public function location(): ?array
    {
        return $this->location;
    }

    /**
     * The error as vanthu gives it: `{code, kind, message, message_vi}`, with
     * `rule` and `location` when known.
     *
     * @return array<string, mixed>
     */
    public function toArray(): array
    {
        $error = [
            'code' => $this->getCode(),
            'kind' => $this->kind,
            'message' => $this->getMessage(),
            'message_vi' => $this->messageVi,
        ];
        if ($this->rule !== null) {
            $error['rule'] = $this->rule;
        }
        if ($this->location !== null) {
            $error['location'] = $this->location;
        }
        return $error;
    }
}
