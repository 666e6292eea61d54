<?php

declare(strict_types=1);

namespace Vanthu;

/** Code 6, `nothing_to_check`: no file to check was found. */
final class NothingToCheckException extends Exception
{
    protected const CODE = 6;
    protected const KIND = 'nothing_to_check';
}
