<?php

declare(strict_types=1);

namespace Vanthu;

/** Code 99, `internal`: a bug in vanthu (a panic caught at the boundary). */
final class InternalException extends Exception
{
    protected const CODE = 99;
    protected const KIND = 'internal';
}
