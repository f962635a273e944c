/**
 * DISM's package servicing commands (/Add-Package, /Remove-Package, /Get-Packages, /Get-PackageInfo, /Get-Features,
 * /Enable-Feature, /Disable-Feature) over Component-Based Servicing: package identities and .mum manifests, the
 * package states and features under SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing, package
 * sources (.cab, .msu, folders) and Windows' rules for removing packages.
 */
package org.imagesmith.servicing.packages;
