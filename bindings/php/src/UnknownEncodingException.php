<?php

declare(strict_types=1);

namespace Vanthu;

/** Code 8, `unknown_encoding`: the encoding of a text cannot be told with enough confidence. */
final class UnknownEncodingException extends Exception
{
    protected const CODE = 8;
    protected const KIND = 'unknown_encoding';
}
