package org.matscreen.kim;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The functions of the KIM API's C interface that matscreen calls: the collections API only (which models are
 * installed, where, and their metadata files); models themselves run inside LAMMPS through its KIM package.
 *
 * <p>The KIM API passes item types, collections and log verbosities as structs of one {@code int} by value; the x86-64
 * and AArch64 calling conventions pass such a struct exactly as an {@code int}, so they are declared as {@code int}
 * here and their values read from the library's own constants (see {@link KimApi}).
 */
public interface KimApiLibrary extends Library {
    int KIM_Collections_Create(PointerByReference collections);

    void KIM_Collections_Destroy(PointerByReference collections);

    int KIM_Collections_GetItemLibraryFileNameAndCollection(Pointer collections, int itemType, String itemName,
            PointerByReference fileName, IntByReference collection);

    int KIM_Collections_CacheListOfItemMetadataFiles(Pointer collections, int itemType, String itemName,
            IntByReference extent);

    int KIM_Collections_GetItemMetadataFile(Pointer collections, int index, PointerByReference fileName,
            IntByReference fileLength, PointerByReference fileRawData, IntByReference availableAsString,
            PointerByReference fileString);

    int KIM_Collections_CacheListOfItemNamesByType(Pointer collections, int itemType, IntByReference extent);

    int KIM_Collections_GetItemNameByType(Pointer collections, int index, PointerByReference itemName);

    int KIM_Collections_CacheListOfDirectoryNames(Pointer collections, int collection, int itemType,
            IntByReference extent);

    int KIM_Collections_GetDirectoryName(Pointer collections, int index, PointerByReference directoryName);

    void KIM_Collections_GetConfigurationFileName(Pointer collections, PointerByReference fileName);

    int KIM_Collections_GetEnvironmentVariableName(Pointer collections, int itemType, PointerByReference name);

    void KIM_Collections_GetProjectNameAndSemVer(Pointer collections, PointerByReference projectName,
            PointerByReference semVer);

    void KIM_Log_PushDefaultVerbosity(int logVerbosity);

    void KIM_Log_PopDefaultVerbosity();
}
