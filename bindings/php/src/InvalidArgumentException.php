<?php

declare(strict_types=1);

namespace Vanthu;

/** Code 1, `invalid_argument`: an argument cannot be used (a time, a status code, an agency id, an unknown option, …). */
final class InvalidArgumentException extends Exception
{
    protected const CODE = 1;
    protected const KIND = 'invalid_argument';
}
