<?php

declare(strict_types=1);

namespace Vanthu;

/** Code 2, `io`: a file or folder cannot be read or written. */
final class IoException extends Exception
{
    protected const CODE = 2;
    protected const KIND = 'io';
}
